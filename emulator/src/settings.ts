import type { Settings } from "./types.js";

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  legacyScopesField: false,
  refreshGraceSeconds: 600,
  accessTokenTtlSeconds: 7200,
  longTokens: false,
};

export const CODE_TTL_MS = 5 * 60_000;
/** Unused refresh tokens expire after about three months. */
export const REFRESH_TTL_MS = 90 * 86_400_000;
export const SHORT_TOKEN_LENGTH = 100;
export const LONG_TOKEN_LENGTH = 2600;
export const CONSUMER_KEY_LENGTH = 32;
export const CONSUMER_SECRET_LENGTH = 76;
