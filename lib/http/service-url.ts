import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { isAllowedPrivateOrigin } from "./private-origins";

/**
 * Checks the shape of a URL this server will call (Host URL, API URL): https, no
 * credentials, query (unless allowed: some webhook URLs carry their signature there) or
 * fragment; http only for an origin in ALLOWED_PRIVATE_ORIGINS.
 * Where it may connect is enforced again at connect time by outboundFetch.
 */
export function validateServiceUrl(value: string, field: string, options: { allowQuery?: boolean } = {}): string {
  const origins = env().ALLOWED_PRIVATE_ORIGINS;
  // The message says what this server accepts: http:// and private hosts only where some are allowed.
  const invalid = () => new AppError(origins.length > 0 ? "url_invalid_http_allowed" : "url_invalid", { field });
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid();
  }
  const httpAllowed = isAllowedPrivateOrigin(url, origins);
  const schemeOk = url.protocol === "https:" || (httpAllowed && url.protocol === "http:");
  if (!schemeOk || url.username || url.password || (url.search && !options.allowQuery) || url.hash) throw invalid();
  return url.toString().replace(/\/+$/, "");
}
