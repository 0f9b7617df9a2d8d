/**
 * The headers pages carry (set by proxy.ts, which runs before every page and `/api/auth`).
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own bundles
 * load their chunks); no inline script runs without it. Inline styles stay allowed:
 * React's style attributes cannot carry a nonce, and styles do not execute.
 * form-action is left open on purpose: Connect and sign-in forms end in a redirect to the
 * connection's own Bitbucket host, which no fixed list could name.
 */
export function securityHeaders(options: { nonce: string; appUrl: string; development: boolean; imageOrigins: readonly string[] }): Record<string, string> {
  const https = options.appUrl.startsWith("https:");
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Images are the app's own and avatars, from the hosts Bitbucket serves them from only.
    `img-src 'self' data: blob:${options.imageOrigins.map((origin) => ` ${origin}`).join("")}`,
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Only over https: a browser that once saw it refuses plain http to this host for a year.
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * The API's route handlers (`/api/…` but Auth.js's `/api/auth/…`) answer JSON or text,
 * never a page: they carry fixed headers from next.config.ts, with a policy that lets such
 * an answer load and run nothing, and proxy.ts does not run for them (the per-request work
 * of a proxy costs about as much as the answer itself). Strict-Transport-Security is not
 * among them: it depends on APP_URL at run time, and a browser learns it from the pages.
 */
export const API_PATHS = "/api/:path((?!auth/).*)";
export function apiSecurityHeaders(): Record<string, string> {
  const { "Content-Security-Policy": _pagePolicy, "Strict-Transport-Security": _hsts, ...rest } = securityHeaders({ nonce: "", appUrl: "", development: false, imageOrigins: [] });
  return { ...rest, "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" };
}

/** 128 random bits, base64: a fresh one for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
