import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";

/**
 * Checks the shape of a URL this server will call (Host URL, API URL): https, no
 * credentials, query or fragment; http only where private networks are allowed.
 * Where it may connect is enforced again at connect time by outboundFetch.
 */
export function validateServiceUrl(value: string, field: string): string {
  const httpAllowed = env().ALLOW_PRIVATE_NETWORK_URLS;
  // The message says what this server accepts: http:// and loopback only where they are allowed.
  const invalid = () => new AppError(httpAllowed ? "url_invalid_http_allowed" : "url_invalid", { field });
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid();
  }
  const schemeOk = url.protocol === "https:" || (httpAllowed && url.protocol === "http:");
  if (!schemeOk || url.username || url.password || url.search || url.hash) throw invalid();
  return url.toString().replace(/\/+$/, "");
}
