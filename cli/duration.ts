import { usageError } from "./errors";

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "10m", "90s", "1h", "500ms" or plain seconds, in milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!match) throw usageError(`“${value}” is not a duration.`, "Write it like 30s, 10m or 1h.");
  return Math.round(Number(match[1]) * UNITS[match[2] ?? "s"]!);
}
