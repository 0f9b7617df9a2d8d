import type { NextConfig } from "next";
import { API_PATHS, apiSecurityHeaders, securityHeaders } from "./lib/http/security-headers";

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

// For files proxy.ts does not see (Next's static assets): the same headers, without the
// per-request CSP and the APP_URL-dependent Strict-Transport-Security.
const { "Content-Security-Policy": _policy, "Strict-Transport-Security": _hsts, ...staticHeaders } = securityHeaders({ nonce: "", appUrl: "", development: false, imageOrigins: [] });

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: asList(staticHeaders) },
      // The API's route handlers, which proxy.ts leaves alone.
      { source: API_PATHS, headers: asList(apiSecurityHeaders()) },
    ];
  },
};

export default nextConfig;
