import type { ReactNode } from "react";

export type SetupStepState = "done" | "current" | "upcoming";

const stateText: Record<SetupStepState, string> = { done: "Done", current: "Current step", upcoming: "Not yet" };

/** One numbered step of a guided setup, marked done, current or upcoming. */
export function SetupStep({
  number,
  title,
  state,
  children,
}: {
  number: number;
  title: string;
  state: SetupStepState;
  children: ReactNode;
}) {
  const headingId = `step-${number}-heading`;
  return (
    <li>
      <section
        aria-labelledby={headingId}
        data-testid={`step-${number}`}
        data-state={state}
        aria-current={state === "current" ? "step" : undefined}
        className={`rounded-xl border bg-white p-4 sm:p-5 ${state === "current" ? "border-brand-600 shadow-sm" : "border-slate-200"}`}
      >
        <div className="flex items-start gap-3">
          <span
            aria-hidden
            className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
              state === "done" ? "bg-emerald-600 text-white" : state === "current" ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-600"
            }`}
          >
            {state === "done" ? "✓" : number}
          </span>
          <div className="min-w-0 flex-1">
            <h2 id={headingId} className="font-semibold">
              <span className="sr-only">Step {number}: </span>
              {title}
              <span className="sr-only"> ({stateText[state]})</span>
            </h2>
            <div className="mt-3 text-sm text-slate-700">{children}</div>
          </div>
        </div>
      </section>
    </li>
  );
}
