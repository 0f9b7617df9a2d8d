import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

// For files proxy.ts does not see (Next's static assets): the same headers, without the
// per-request CSP and the APP_URL-dependent Strict-Transport-Security.
const { "Content-Security-Policy": _policy, "Strict-Transport-Security": _hsts, ...staticHeaders } = securityHeaders({ nonce: "", appUrl: "", development: false, imageOrigins: [] });

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(staticHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
