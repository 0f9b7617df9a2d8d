import "server-only";
import { env } from "@/lib/env";

/**
 * An absolute URL on this app, always under APP_URL. Redirects are built here, never from
 * the request's Host header (which a proxy or a client chooses), so nobody is sent elsewhere.
 */
export function appUrl(path: string): URL {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`appUrl takes a path on this app, got ${path}`);
  return new URL(`${env().APP_URL}${path}`);
}
