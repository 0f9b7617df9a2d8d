import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_LENGTH = 64;

/** Bitbucket's X-Hub-Signature for a body: `sha256=` + hex HMAC-SHA256 of the exact raw bytes. */
export function signBody(secret: string, body: Uint8Array): string {
  return PREFIX + createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * Checks an X-Hub-Signature header against the raw body. The header's shape and length
 * are checked before the constant-time comparison (which needs equal lengths); any other
 * form, case or extra character is a mismatch.
 */
export function verifySignature(secret: string, body: Uint8Array, header: string | null): boolean {
  if (!header || header.length !== PREFIX.length + HEX_LENGTH || !header.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length);
  if (!/^[0-9a-f]+$/.test(given)) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}
