import { isIP } from "node:net";
import { isPrivateAddress } from "@/lib/http/address-policy";

export type Reachability =
  | { kind: "public"; host: string }
  | { kind: "loopback" | "private" | "local_name"; host: string; message: string };

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/i;

/**
 * Whether Bitbucket could reach this app's webhook receiver at `appUrl`. Bitbucket refuses
 * hook URLs that are not publicly routable, so a loopback, private-network or local-only
 * name is flagged; a public name is assumed routable (its DNS is the operator's business).
 */
export function appUrlReachability(appUrl: string): Reachability {
  const url = new URL(appUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host)) {
    if (LOOPBACK.test(host)) return { kind: "loopback", host, message: `APP_URL points at ${host}, this machine's loopback address.` };
    if (isPrivateAddress(host)) return { kind: "private", host, message: `APP_URL points at ${host}, a private-network address.` };
    return { kind: "public", host };
  }
  if (host === "localhost" || host.endsWith(".localhost")) return { kind: "loopback", host, message: `APP_URL points at ${host}, this machine's loopback address.` };
  if (!host.includes(".") || /\.(local|internal|lan|home\.arpa|intranet|corp)$/.test(host)) {
    return { kind: "local_name", host, message: `APP_URL's host ${host} is a local name that public DNS does not resolve.` };
  }
  return { kind: "public", host };
}
