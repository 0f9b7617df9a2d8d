const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

const UNITS: { limit: number; size: number; unit: string }[] = [
  { limit: 90, size: 1, unit: "s" },
  { limit: 90 * 60, size: 60, unit: "min" },
  { limit: 48 * 3600, size: 3600, unit: "h" },
  { limit: Infinity, size: 86_400, unit: "d" },
];

/** "in 58 min", "12 s ago", "just now": how far `iso` is from `now` (milliseconds since the epoch). */
export function relativeTime(iso: string, now: number): string {
  const deltaMs = new Date(iso).getTime() - now;
  const seconds = Math.abs(deltaMs) / 1000;
  if (seconds < 2) return "just now";
  const { size, unit } = UNITS.find((entry) => seconds < entry.limit) ?? UNITS[UNITS.length - 1]!;
  const amount = `${Math.round(seconds / size)} ${unit}`;
  return deltaMs > 0 ? `in ${amount}` : `${amount} ago`;
}

/**
 * A timestamp in the reader's own time zone and locale, optionally with how long ago (or
 * how far ahead) it is from `now`. The server renders it in its own zone first, so the
 * text may differ once the browser takes over.
 */
export function LocalTime({ iso, now, className }: { iso: string; now?: number; className?: string }) {
  const text = absolute.format(new Date(iso)) + (now === undefined ? "" : ` (${relativeTime(iso, now)})`);
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
