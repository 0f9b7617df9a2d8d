import "server-only";
import { env, type Env } from "@/lib/env";
import { open, seal, type Keyring } from "./seal";

let cached: { config: Env; keyring: Keyring } | undefined;

/** The keyring from ENCRYPTION_KEY (current) and ENCRYPTION_PREVIOUS_KEYS (still readable). */
function keyring(): Keyring {
  const config = env();
  if (cached?.config === config) return cached.keyring;
  const keys = new Map<string, Buffer>(config.ENCRYPTION_PREVIOUS_KEYS);
  keys.set(config.ENCRYPTION_KEY_ID, config.ENCRYPTION_KEY);
  cached = { config, keyring: { currentKeyId: config.ENCRYPTION_KEY_ID, keys } };
  return cached.keyring;
}

/** The id of the key new values are sealed with. */
export function currentKeyId(): string {
  return keyring().currentKeyId;
}

export function sealSecret(plaintext: string, context: string): string {
  return seal(keyring(), plaintext, context);
}

export function openSecret(sealed: string, context: string): string {
  return open(keyring(), sealed, context);
}
