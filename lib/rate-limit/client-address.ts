/**
 * The client's address for per-client limits: the last X-Forwarded-For entry, the one
 * the nearest proxy (or Next's own server, when there is none) recorded. Earlier entries
 * are whatever the client claimed.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
