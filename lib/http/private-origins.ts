/**
 * Whether a URL's origin is one the operator allowed on a loopback or private network
 * (ALLOWED_PRIVATE_ORIGINS): exactly, or by host with a `:*` port.
 */
export function isAllowedPrivateOrigin(url: URL, allowed: readonly string[]): boolean {
  const origin = url.origin;
  const anyPort = `${url.protocol}//${url.hostname}:*`;
  return allowed.some((entry) => entry === origin || entry === anyPort);
}
