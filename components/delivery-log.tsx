import type { ReactNode } from "react";
import type { ForwardView } from "@/lib/forwarding/read-forwarding";
import type { DeliveryView, LastPush } from "@/lib/projects/read-activity";
import { ForwardList } from "./forward-list";
import { WEBHOOK_EVENTS } from "@/lib/projects/events";
import { LocalTime } from "./local-time";

const shortHash = (hash: string | null) => (hash ? hash.slice(0, 7) : null);
const commitCount = (n: number) => (n === 1 ? "1 commit" : `${n} commits`);
const eventLabel = (key: string) => WEBHOOK_EVENTS.find((event) => event.key === key)?.label ?? key;

const outcomes: Record<string, { label: string; tone: string }> = {
  received: { label: "Received", tone: "bg-sky-50 text-sky-800 ring-sky-600/20" },
  processed: { label: "Processed", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  failed: { label: "Processing failed", tone: "bg-red-50 text-red-800 ring-red-600/20" },
};

function Pill({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}>{children}</span>;
}

/** The newest push: branch, head commit, message, author and when it arrived. */
export function LastPushCard({ lastPush, hookActive = true }: { lastPush: LastPush | null; hookActive?: boolean }) {
  if (!lastPush) {
    return (
      <p className="text-sm text-slate-600">
        {hookActive
          ? "No push received yet. Push to the repository and it shows up here within seconds."
          : "No push received yet. Pushes arrive here once the webhook is registered on Bitbucket."}
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-500">Branch</dt>
        <dd data-testid="last-push-branch" className="font-mono break-all">{lastPush.branch ?? "–"}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Commit</dt>
        <dd>
          <code data-testid="last-push-commit" title={lastPush.head ?? undefined}>{shortHash(lastPush.head) ?? "–"}</code>
          <span className="text-slate-500"> · {commitCount(lastPush.commits)}</span>
        </dd>
      </div>
      <div className="sm:col-span-2">
        <dt className="text-slate-500">Message</dt>
        <dd data-testid="last-push-message" className="break-words">{lastPush.message ?? "–"}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Author</dt>
        <dd className="break-words">{lastPush.author ?? "–"}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Received</dt>
        <dd>
          <LocalTime iso={lastPush.receivedAt} />
        </dd>
      </div>
    </dl>
  );
}

/** One line about a delivery, for announcing it to screen readers as it arrives. */
export function describeDelivery(delivery: DeliveryView): string {
  const { summary } = delivery;
  const what =
    summary.kind === "push"
      ? `${summary.branch ?? "a deleted branch"}, ${commitCount(summary.commits)}${summary.head ? ` ${shortHash(summary.head)}` : ""}`
      : summary.kind === "pullrequest"
        ? `${summary.title ?? "untitled pull request"}${summary.state ? `, ${summary.state}` : ""}`
        : delivery.eventKey;
  return `New delivery: ${eventLabel(delivery.eventKey)}, ${what}.`;
}

function Summary({ summary }: { summary: DeliveryView["summary"] }) {
  if (summary.kind === "push") {
    return (
      <p className="break-words">
        <span className="font-mono">{summary.branch ?? "(deleted branch)"}</span> · {commitCount(summary.commits)}
        {summary.head ? (
          <>
            {" · "}
            <code>{shortHash(summary.head)}</code>
          </>
        ) : null}
        {summary.message ? <> “{summary.message}”</> : null}
        {summary.author ? <span className="text-slate-600"> by {summary.author}</span> : null}
      </p>
    );
  }
  if (summary.kind === "pullrequest") {
    return (
      <p className="break-words">
        {summary.id !== null ? `#${summary.id} ` : null}
        {summary.title ?? "(untitled pull request)"}
        {summary.state ? <span className="text-slate-600"> · {summary.state}</span> : null}
        {summary.author ? <span className="text-slate-600"> by {summary.author}</span> : null}
      </p>
    );
  }
  return <p className="text-slate-500">No summary for this event; see its payload.</p>;
}

const sourceChecks = {
  inside_bitbucket_ranges: <Pill tone="bg-emerald-50 text-emerald-800 ring-emerald-600/20">In Bitbucket&apos;s ranges</Pill>,
  outside_bitbucket_ranges: <Pill tone="bg-amber-50 text-amber-900 ring-amber-600/30">Outside Bitbucket&apos;s ranges</Pill>,
  unchecked: null,
};

/** The address a delivery came from, checked against Atlassian's published ranges when the operator keeps a copy. */
function Source({ source }: { source: DeliveryView["source"] }) {
  if (!source) return null;
  return (
    <p data-testid="delivery-source" className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span>
        From <code>{source.address}</code>
      </span>
      {sourceChecks[source.check]}
    </p>
  );
}

/**
 * The webhook deliveries received for a project, newest first, each with where it was
 * forwarded. `payloadControl` renders the per-delivery control that shows the raw payload
 * (it fetches on demand); `forwardAction` a control per forward (an admin's Redeliver).
 */
export function DeliveryLog({
  deliveries,
  payloadControl,
  forwardAction,
}: {
  deliveries: (DeliveryView & { forwards?: ForwardView[] })[];
  payloadControl: (deliveryId: string) => ReactNode;
  forwardAction?: (deliveryId: string, forward: ForwardView) => ReactNode;
}) {
  if (deliveries.length === 0) {
    return <p className="text-sm text-slate-600">No deliveries yet. Each webhook call from Bitbucket is listed here as it arrives.</p>;
  }
  return (
    <ol aria-label="Deliveries" className="divide-y divide-slate-200">
      {deliveries.map((delivery) => {
        const outcome = outcomes[delivery.outcome] ?? { label: delivery.outcome, tone: "bg-slate-100 text-slate-700 ring-slate-500/20" };
        return (
          <li key={delivery.id} data-testid="delivery" className="space-y-2 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <LocalTime iso={delivery.receivedAt} className="text-slate-600" />
              <span className="font-medium">{eventLabel(delivery.eventKey)}</span>
              <code className="text-xs text-slate-500">{delivery.eventKey}</code>
              <span className="text-slate-600">Attempt {delivery.attempt}</span>
              <span className="text-slate-600">
                Signature{" "}
                {delivery.signatureOk ? (
                  <Pill tone="bg-emerald-50 text-emerald-800 ring-emerald-600/20">Verified</Pill>
                ) : (
                  <Pill tone="bg-red-50 text-red-800 ring-red-600/20">Not verified</Pill>
                )}
              </span>
              <Pill tone={outcome.tone}>{outcome.label}</Pill>
            </div>
            <Summary summary={delivery.summary} />
            <Source source={delivery.source} />
            <ForwardList forwards={delivery.forwards ?? []} action={forwardAction ? (forward) => forwardAction(delivery.id, forward) : undefined} />
            {payloadControl(delivery.id)}
          </li>
        );
      })}
    </ol>
  );
}
