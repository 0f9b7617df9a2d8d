import { createHmac } from "node:crypto";

/** The header every forwarded request carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "x-vcs-connect-signature";

/**
 * Signs a forwarded body the way the README's verification snippet checks it: HMAC-SHA256
 * with the subscription's secret over `${t}.${body}`, so a captured request cannot be
 * replayed once its timestamp is old.
 */
export function signRequest(secret: string, body: string, timestampSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${timestampSeconds}.`).update(body).digest("hex");
  return `t=${timestampSeconds},v1=${digest}`;
}
