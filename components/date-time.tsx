const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A timestamp in UTC, formatted the same on the server and in the browser (no hydration mismatch). */
export function DateTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {format.format(new Date(iso))} UTC
    </time>
  );
}
