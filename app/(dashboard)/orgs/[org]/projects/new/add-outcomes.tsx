import Link from "next/link";
import type { Failure } from "@/lib/errors/to-failure";

export type Outcome = { slug: string; fullName: string; projectId: string | null; hook: "registered" | "failed" | null; error: Failure | null };

/** What happened to each repository: webhook registered, or why not, with a link to each project. */
export function AddOutcomes({ orgSlug, outcomes }: { orgSlug: string; outcomes: Outcome[] }) {
  const registered = outcomes.filter((outcome) => outcome.hook === "registered").length;
  const tone = registered === outcomes.length ? "border-emerald-200 bg-emerald-50" : "border-amber-200 bg-amber-50";
  return (
    <section aria-labelledby="outcomes-heading" role="status" className={`rounded-xl border p-4 sm:p-5 ${tone}`}>
      <h2 id="outcomes-heading" className="font-semibold">
        {registered === outcomes.length
          ? `${registered === 1 ? "1 project" : `${registered} projects`} added`
          : `${registered} of ${outcomes.length} added with a working webhook`}
      </h2>
      <ul aria-label="Added repositories" className="mt-3 space-y-3">
        {outcomes.map((outcome) => (
          <li key={outcome.slug} data-testid="add-outcome" className="rounded-lg bg-white p-3 text-sm">
            <p className="font-medium break-words">
              {outcome.projectId ? (
                <Link href={`/orgs/${orgSlug}/projects/${outcome.projectId}`} className="text-brand-700 hover:underline">
                  {outcome.fullName}
                </Link>
              ) : (
                outcome.fullName
              )}
            </p>
            {outcome.hook === "registered" ? (
              <p className="text-emerald-800">Webhook registered.</p>
            ) : (
              <div className="mt-1 text-red-900">
                <p>
                  {outcome.hook === "failed" ? "Project added, but its webhook could not be registered: " : "Not added: "}
                  <strong>{outcome.error?.message ?? "Something went wrong."}</strong>
                </p>
                {outcome.error?.hint ? <p className="mt-1">{outcome.error.hint}</p> : null}
                {outcome.hook === "failed" ? <p className="mt-1">Fix the cause, then use Retry webhook registration on the project&apos;s page.</p> : null}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
