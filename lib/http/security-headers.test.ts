// The package entry (next/experimental/testing/server) re-exports it in a way Vitest cannot see.
import { unstable_doesMiddlewareMatch } from "next/dist/experimental/testing/server/middleware-testing-utils";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config, proxy } from "@/proxy";
import { avatarOrigins } from "@/lib/vcs/bitbucket-cloud/avatar-origins";
import { apiSecurityHeaders, securityHeaders } from "./security-headers";

const request = (path: string, cookie?: string) => new NextRequest(`http://localhost:3999${path}`, { headers: cookie ? { cookie } : {} });
const scriptSources = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];

describe("security headers", () => {
  it.each(["/signin", "/status/abc", "/api/auth/session", "/callback/v1/vcs/x"])(
    "are on %s: a CSP whose scripts need this request's nonce, Referrer-Policy, Permissions-Policy",
    (path) => {
      const response = proxy(request(path));
      const policy = response.headers.get("content-security-policy") ?? "";
      const sources = scriptSources(policy);
      expect(sources).toContain("'self'");
      expect(sources.some((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source))).toBe(true);
      expect(sources).not.toContain("'unsafe-inline'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
    },
  );

  it("come from next.config for the API's route handlers, which the proxy leaves alone: a policy that loads and runs nothing", async () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, nextConfig, url });
    for (const path of ["/api/health", "/api/v1/organizations/acme/vcs", "/api/webhooks/bitbucket/hook", "/api/public-status/abc", "/api/orgs/acme/status"]) {
      expect(matches(path), path).toBe(false);
    }
    for (const path of ["/signin", "/status/abc", "/api/auth/session", "/api/auth/callback/bitbucket", "/orgs/acme", "/callback/v1/vcs/x"]) {
      expect(matches(path), path).toBe(true);
    }
    const rules = await nextConfig.headers!();
    const api = rules.find((rule) => rule.source.startsWith("/api/"))!;
    const headers = Object.fromEntries(api.headers.map(({ key, value }) => [key, value]));
    expect(headers).toEqual(apiSecurityHeaders());
    expect(headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("give every request its own nonce, and pass it to the renderer", () => {
    const nonces = [proxy(request("/signin")), proxy(request("/signin"))].map((r) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    const forwarded = proxy(request("/dashboard", "authjs.session-token=x")).headers.get("x-middleware-request-x-nonce");
    expect(forwarded).toBeTruthy();
  });

  it("are on the sign-in redirect too", () => {
    const response = proxy(request("/orgs/acme"));
    expect(response.status).toBe(307);
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("include Strict-Transport-Security only when APP_URL is https", () => {
    expect(proxy(request("/signin")).headers.get("strict-transport-security")).toBeNull();
    const https = securityHeaders({ nonce: "n", appUrl: "https://vcs.example.com", development: false, imageOrigins: [] });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ nonce: "n", appUrl: "http://localhost:3000", development: false, imageOrigins: [] })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("let images come only from the app and the hosts avatars are served from, not any host", () => {
    const imageSources = (policy: string) => /img-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
    // The tests' configuration signs in at bitbucket.org.
    expect(imageSources(proxy(request("/dashboard", "authjs.session-token=x")).headers.get("content-security-policy")!)).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://bitbucket.org",
      "https://api.bitbucket.org",
      "https://secure.gravatar.com",
      "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net",
    ]);
    // A sandbox on http serves its own avatars: its origin, and still no scheme-wide source.
    const sandbox = securityHeaders({ nonce: "n", appUrl: "http://localhost:3000", development: true, imageOrigins: avatarOrigins("http://127.0.0.1:4100", "http://127.0.0.1:4100/2.0") });
    const sources = imageSources(sandbox["Content-Security-Policy"]!);
    expect(sources).toContain("http://127.0.0.1:4100");
    expect(sources).not.toContain("http:");
    expect(sources).not.toContain("https:");
  });
});

