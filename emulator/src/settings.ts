import type { Settings } from "./types.js";

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  legacyScopesField: false,
  refreshGraceSeconds: 600,
  accessTokenTtlSeconds: 7200,
  longTokens: false,
  webhookTimeoutMs: 10_000,
  webhookRetryDelayMs: 2_000,
};

export const CODE_TTL_MS = 5 * 60_000;
/** Unused refresh tokens expire after about three months. */
export const REFRESH_TTL_MS = 90 * 86_400_000;
export const SHORT_TOKEN_LENGTH = 100;
export const LONG_TOKEN_LENGTH = 2600;
export const CONSUMER_KEY_LENGTH = 32;
export const CONSUMER_SECRET_LENGTH = 76;
/** Bitbucket does not send webhook payloads over 256 KB. */
export const WEBHOOK_MAX_PAYLOAD_BYTES = 256 * 1024;
/** One try plus two retries. */
export const WEBHOOK_MAX_ATTEMPTS = 3;
/** Delivery records kept in memory (oldest dropped first). */
export const MAX_DELIVERY_RECORDS = 500;
