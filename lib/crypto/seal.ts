import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM sealing for secrets at rest. A sealed value reads
 * `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url), so keys can rotate: new values use
 * the current key, old ones open with the key their id names. The `context` (e.g.
 * "vcs_connection.client_secret:<id>") is authenticated but not stored: a sealed value
 * copied to another row or column does not open.
 */
export type Keyring = { currentKeyId: string; keys: ReadonlyMap<string, Buffer> };

const VERSION = "v1";

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const key = keyring.keys.get(keyring.currentKeyId);
  if (!key) throw new SealError(`No key for the current key id "${keyring.currentKeyId}".`);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyring.currentKeyId, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function open(keyring: Keyring, sealed: string, context: string): string {
  const [version, keyId, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag || rest.length > 0) {
    throw new SealError("Not a sealed value.");
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new SealError(`The value was sealed with key "${keyId}", which is not configured.`);
  try {
    // A full 16-byte tag only: GCM would otherwise accept truncated tags.
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("The sealed value does not open with its key and context (tampered, moved, or wrong key).");
  }
}

/** Which key sealed a value: lets a rotation job find values still under an old key. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}
