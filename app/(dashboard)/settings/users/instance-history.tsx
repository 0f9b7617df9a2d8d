import { LocalTime } from "@/components/local-time";
import { auditLabel } from "@/lib/audit/catalog";

type Event = { id: string; createdAt: Date; actorLabel: string; action: string; targetType: string; targetId: string; after: string | null };

/** A policy snapshot in words: "workspaces acme; domains example.com", or "anyone". */
function policyText(after: string | null): string {
  const policy = JSON.parse(after ?? "{}") as { workspaces?: string[]; emailDomains?: string[] };
  const parts = [
    policy.workspaces?.length ? `workspaces ${policy.workspaces.join(", ")}` : "",
    policy.emailDomains?.length ? `domains ${policy.emailDomains.join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "anyone with a Bitbucket account";
}

/** Instance-wide changes (sign-in policy, instance owner, blocked users), newest first. */
export function InstanceHistory({ events, names }: { events: Event[]; names: Map<string, string> }) {
  return (
    <section aria-labelledby="history-heading" className="mt-6 rounded-xl border border-slate-200 bg-white">
      <h2 id="history-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">Recent instance changes</h2>
      {events.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">Nothing yet. Sign-in policy changes, blocks and hand-overs are recorded here.</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap gap-x-3 gap-y-1 px-5 py-2">
              <span className="text-slate-500">
                <LocalTime iso={event.createdAt.toISOString()} />
              </span>
              <span>{event.actorLabel}</span>
              <span className="font-medium">{auditLabel(event.action)}</span>
              <span className="break-all text-slate-600">{event.targetType === "user" ? (names.get(event.targetId) ?? event.targetId) : policyText(event.after)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
