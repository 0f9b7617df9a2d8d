import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random string carrying `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 hex: for high-entropy values (state, API tokens, session tokens) a plain hash suffices. */
export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
