import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type FieldFrame = { id: string; label: string; error?: string; description?: ReactNode };

const controlClass = (error?: string) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
    error ? "border-red-500" : "border-slate-300"
  }`;

function describedBy({ id, error, description }: FieldFrame) {
  return [description ? `${id}-description` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Frame({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={frame.id} className="block text-sm font-medium text-slate-700">
        {frame.label}
      </label>
      {children}
      {frame.description ? (
        <p id={`${frame.id}-description`} className="mt-1 text-xs text-slate-500">
          {frame.description}
        </p>
      ) : null}
      {frame.error ? (
        <p id={`${frame.id}-error`} className="mt-1 text-sm text-red-700">
          {frame.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ id, label, error, description, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const frame = { id, label, error, description };
  return (
    <Frame frame={frame}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(frame)} className={controlClass(error)} {...input} />
    </Frame>
  );
}

export function SelectField({ id, label, error, description, children, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const frame = { id, label, error, description };
  return (
    <Frame frame={frame}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(frame)} className={controlClass(error)} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function SubmitButton({ pending, children, pendingText }: { pending: boolean; children: ReactNode; pendingText: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-60"
    >
      {pending ? pendingText : children}
    </button>
  );
}
