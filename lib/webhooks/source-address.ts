import { isIP } from "node:net";

/**
 * The address a delivery came from, as the nearest hop reports it: the last entry of
 * X-Forwarded-For (Next.js's server sets it from the socket when no proxy did; a proxy in
 * front appends its peer). Informational only: the signature is what proves a delivery.
 */
export function sourceAddressOf(headers: Headers): string | null {
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? "";
  const address = last.replace(/^\[|\]$/g, "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return isIP(address) ? address : null;
}
