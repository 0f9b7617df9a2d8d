const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before retry number `failedAttempts` + 1: the base doubled per failure, capped at an
 * hour, with jitter (between half and all of it) so subscribers that come back are not hit
 * by every waiting message at once.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}
