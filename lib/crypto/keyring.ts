import "server-only";
import { env } from "@/lib/env";
import { open, seal, type Keyring } from "./seal";

let cached: Keyring | undefined;

/** The keyring from ENCRYPTION_KEY (current) and ENCRYPTION_PREVIOUS_KEYS (still readable). */
function keyring(): Keyring {
  if (cached) return cached;
  const config = env();
  const keys = new Map<string, Buffer>(config.ENCRYPTION_PREVIOUS_KEYS);
  keys.set(config.ENCRYPTION_KEY_ID, config.ENCRYPTION_KEY);
  cached = { currentKeyId: config.ENCRYPTION_KEY_ID, keys };
  return cached;
}

export function sealSecret(plaintext: string, context: string): string {
  return seal(keyring(), plaintext, context);
}

export function openSecret(sealed: string, context: string): string {
  return open(keyring(), sealed, context);
}
