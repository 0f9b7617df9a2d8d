/**
 * The headers every response carries, pages and route handlers alike (set by proxy.ts).
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

/** 128 random bits, base64: a fresh one for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
