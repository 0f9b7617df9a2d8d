import { LocalTime } from "./local-time";

/** "Expires in 12 days" (or "Expired 3 days ago"), with the date in the reader's time zone. */
export function CredentialExpiry({ iso, days }: { iso: string | null; days: number | null }) {
  if (!iso || days === null) return <span className="text-slate-500">Not known</span>;
  const words = days < 0 ? `Expired ${-days} day${days === -1 ? "" : "s"} ago` : days === 0 ? "Expired" : `Expires in ${days} day${days === 1 ? "" : "s"}`;
  return (
    <span data-testid="credential-expiry">
      <span className={days < 0 ? "font-medium text-red-800" : days <= 14 ? "font-medium text-amber-800" : undefined}>{words}</span>{" "}
      <span className="text-slate-500">
        (<LocalTime iso={iso} />)
      </span>
    </span>
  );
}
