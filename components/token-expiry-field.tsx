import { EXPIRY_PRESETS } from "@/lib/vcs/bitbucket-cloud/token-setup";

export type ExpiryValue = { choice: string; date: string };

/** "90" | "180" | "365" | "date", as the API takes it: expiresInDays or expiresOn. */
export function expiryInput(value: ExpiryValue): { expiresInDays?: number; expiresOn?: string } {
  return value.choice === "date" ? { expiresOn: value.date } : { expiresInDays: Number(value.choice) };
}

/** The expiry the admin picked on Bitbucket's form: its presets, or the date they chose there. */
export function TokenExpiryField({
  idPrefix,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  value: ExpiryValue;
  onChange: (value: ExpiryValue) => void;
  error?: string;
}) {
  const errorId = `${idPrefix}-expiry-error`;
  return (
    <fieldset aria-describedby={error ? errorId : `${idPrefix}-expiry-description`}>
      <legend className="text-sm font-medium text-slate-700">Expiry</legend>
      <p id={`${idPrefix}-expiry-description`} className="mt-1 text-xs text-slate-500">
        The same expiry you choose on Bitbucket. Bitbucket never tells apps when a token expires, so this app counts down from it.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {[...EXPIRY_PRESETS.map((days) => [String(days), `${days} days`] as const), ["date", "On a date"] as const].map(([choice, label]) => (
          <label key={choice} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${idPrefix}-expiry`}
              value={choice}
              checked={value.choice === choice}
              onChange={() => onChange({ ...value, choice })}
              className="h-4 w-4 accent-brand-600"
            />
            {label}
          </label>
        ))}
        {value.choice === "date" ? (
          <label className="flex items-center gap-2">
            <span className="sr-only">Expiry date</span>
            <input
              type="date"
              id={`${idPrefix}-expiry-date`}
              value={value.date}
              onChange={(event) => onChange({ ...value, date: event.target.value })}
              aria-invalid={error ? true : undefined}
              className="rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
