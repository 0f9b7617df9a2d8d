import { createHash, randomBytes } from "node:crypto";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random URL-safe alphanumeric string (rejection sampling keeps it unbiased). */
export function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUM[byte % 62];
    }
  }
  return out;
}

/** Random token in base64url alphabet (like Bitbucket's tokens, which include - and _). */
export function randomToken(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3).toString("base64url").slice(0, length);
}

function digest(seed: string): string {
  return createHash("sha256").update(seed).digest("hex");
}

/** Stable "{xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx}" uuid derived from a name. */
export function stableUuid(seed: string): string {
  const h = digest(`uuid:${seed}`);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

/** Stable 24-hex-digit Atlassian account id. */
export function stableAccountId(seed: string): string {
  return digest(`account:${seed}`).slice(0, 24);
}

/** Deterministic pseudo-random integer in [0, n) for generated data. */
export function stableInt(seed: string, n: number): number {
  return parseInt(digest(seed).slice(0, 8), 16) % n;
}
