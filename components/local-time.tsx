"use client";

import { useEffect, useState } from "react";

const utc = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

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
 * how far ahead) it is from `now`. The server cannot know the reader's zone, so the first
 * paint says UTC explicitly and the browser switches to local time, zone named, once it runs.
 */
export function LocalTime({ iso, now, className }: { iso: string; now?: number; className?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setLocal(new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" }).format(new Date(iso)));
  }, [iso]);
  const text = (local ?? `${utc.format(new Date(iso))} UTC`) + (now === undefined ? "" : ` (${relativeTime(iso, now)})`);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
