import type { ReactNode } from "react";

/**
 * A titled card that opens on request, for the parts of a page people need now and then.
 * The title is a heading inside the summary, so the section keeps its name for assistive
 * technology; `hint` says what is inside (or the one fact worth seeing while closed).
 */
export function Disclosure({
  id,
  title,
  hint,
  open = false,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  hint?: ReactNode;
  /** Open when the page renders, for a part that needs attention now. */
  open?: boolean;
  level?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id}>
      <details open={open} className="group rounded-xl border border-slate-200 bg-white">
        <summary className="flex cursor-pointer list-none items-baseline gap-3 rounded-xl px-4 py-3 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 sm:px-5 [&::-webkit-details-marker]:hidden">
          <span aria-hidden className="inline-block w-3 shrink-0 text-slate-500 transition-transform group-open:rotate-90">
            ▸
          </span>
          <span className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-0.5">
            <Heading id={id} className="font-semibold">
              {title}
            </Heading>
            {hint ? <span className="min-w-0 text-sm break-words text-slate-600">{hint}</span> : null}
          </span>
        </summary>
        <div className="border-t border-slate-100 px-4 py-4 sm:px-5">{children}</div>
      </details>
    </section>
  );
}
