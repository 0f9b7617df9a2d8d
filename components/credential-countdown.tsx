"use client";

import { useEffect, useState } from "react";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const utcDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
// In the browser: the reader's zone, named as everywhere a time is shown; minutes are enough for an end.
const localDate = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "expires in 12 days", "expires in 5 hours", "expired 3 days ago": how far a credential's end is from `now`. */
export function countdownWords(endsAtIso: string, now: number): string {
  const delta = new Date(endsAtIso).getTime() - now;
  const span = Math.abs(delta);
  const amount = span >= DAY_MS ? plural(Math.round(span / DAY_MS), "day") : span >= HOUR_MS ? plural(Math.floor(span / HOUR_MS), "hour") : plural(Math.max(1, Math.floor(span / 60_000)), "minute");
  return delta > 0 ? `expires in ${amount}` : `expired ${amount} ago`;
}

/**
 * A credential's end: the countdown, and the date in the reader's time zone. The server
 * knows neither the reader's zone nor the moment the page is read, so the first paint
 * gives the date in UTC and the browser fills in the rest.
 */
export function CredentialCountdown({ endsAt, soonDays = 14, className }: { endsAt: string; soonDays?: number; className?: string }) {
  const [view, setView] = useState<{ words: string; date: string; tone: string } | null>(null);
  useEffect(() => {
    const update = () => {
      const now = Date.now();
      const left = new Date(endsAt).getTime() - now;
      const tone = left <= 0 ? "text-red-800" : left <= soonDays * DAY_MS ? "text-amber-900" : "";
      setView({ words: countdownWords(endsAt, now), date: localDate.format(new Date(endsAt)), tone });
    };
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, [endsAt, soonDays]);
  return (
    <span data-testid="credential-countdown" className={`${view?.tone ?? ""} ${className ?? ""}`}>
      {view ? `${view.words[0]!.toUpperCase()}${view.words.slice(1)}` : "Ends"}{" "}
      <time dateTime={endsAt} className="text-slate-600">
        ({view ? view.date : `${utcDate.format(new Date(endsAt))} UTC`})
      </time>
    </span>
  );
}
