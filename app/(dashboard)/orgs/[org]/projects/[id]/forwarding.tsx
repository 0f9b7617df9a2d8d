"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { CopyField } from "@/components/copy-button";
import { fieldError, isFormLevel, TextField } from "@/components/form-fields";
import { LocalTime } from "@/components/local-time";
import { Notice } from "@/components/notice";
import { dangerButton, primaryButton, secondaryButton } from "@/components/styles";
import { SubscriptionStatusBadge } from "@/components/subscription-status";
import type { SubscriptionView } from "@/lib/forwarding/read-forwarding";
import { WEBHOOK_EVENTS } from "@/lib/projects/schemas";
import { addSubscriptionAction, removeSubscriptionAction } from "./forwarding-actions";

type Target = { orgSlug: string; projectId: string };
const eventLabel = (key: string) => WEBHOOK_EVENTS.find((event) => event.key === key)?.label ?? key;

function Unreachable({ show }: { show: boolean }) {
  return show ? <Notice tone="error" title="The server could not be reached.">Check your connection and try again.</Notice> : null;
}

function RemoveSubscription({ target, subscription }: { target: Target; subscription: SubscriptionView }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: () => removeSubscriptionAction(target.orgSlug, { subscriptionId: subscription.id }),
    onSuccess: (result) => result.ok && startRefresh(() => router.refresh()),
  });
  const failure = mutation.data?.ok === false ? mutation.data.error : undefined;
  const busy = mutation.isPending || refreshing;
  if (!confirming) {
    return (
      <button type="button" className={secondaryButton} onClick={() => setConfirming(true)}>
        Remove<span className="sr-only"> subscription {subscription.targetUrl}</span>
      </button>
    );
  }
  const titleId = `confirm-remove-${subscription.id}`;
  return (
    <div role="group" aria-labelledby={titleId} className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p id={titleId} className="font-semibold">
        Stop forwarding to {subscription.targetUrl}?
      </p>
      <p>Deliveries still waiting to be sent to it are dropped, with their attempt history.</p>
      {failure ? <Notice tone="error" title={failure.message}>{failure.hint}</Notice> : null}
      <Unreachable show={mutation.isError} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={dangerButton} disabled={busy} onClick={() => mutation.mutate()}>
          {busy ? "Removing…" : "Yes, remove subscription"}
        </button>
        <button type="button" className={secondaryButton} disabled={busy} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function SubscriptionItem({ subscription, target, canManage }: { subscription: SubscriptionView; target: Target; canManage: boolean }) {
  return (
    <li data-testid="subscription" className="space-y-2 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <code className="font-medium break-all">{subscription.targetUrl}</code>
        <SubscriptionStatusBadge status={subscription.status} />
        <span className="text-slate-600">{subscription.scope === "organization" ? "All projects" : "This project"}</span>
      </div>
      <ul aria-label="Events forwarded" className="flex flex-wrap gap-1.5">
        {subscription.events.map((key) => (
          <li key={key} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
            {eventLabel(key)}
          </li>
        ))}
      </ul>
      {subscription.status === "failing" && subscription.lastError ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900">
          <p className="font-semibold">
            {subscription.consecutiveFailures} failed attempts in a row. Last: {subscription.lastError.message}
          </p>
          {subscription.lastError.hint ? <p className="mt-1">{subscription.lastError.hint}</p> : null}
          <p className="mt-1">Deliveries keep being retried for a day; once the service answers, it is marked active again.</p>
        </div>
      ) : null}
      <p className="text-xs text-slate-500">
        {subscription.lastSuccessAt ? (
          <>
            Last delivered <LocalTime iso={subscription.lastSuccessAt} />
          </>
        ) : (
          "Nothing delivered yet"
        )}
        {" · "}added <LocalTime iso={subscription.createdAt} />
      </p>
      {canManage ? <RemoveSubscription target={target} subscription={subscription} /> : null}
    </li>
  );
}

function AddSubscriptionForm({ target }: { target: Target }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<Set<string>>(() => new Set(["repo:push"]));
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: (input: { targetUrl: string; scope: string; events: string[] }) => addSubscriptionAction(target.orgSlug, { projectId: target.projectId, ...input }),
    onSuccess: (result) => result.ok && startRefresh(() => router.refresh()),
  });
  const failure = mutation.data?.ok === false ? mutation.data.error : undefined;
  const created = mutation.data?.ok === true ? mutation.data.data : undefined;

  if (created) {
    return (
      <div className="space-y-3">
        <Notice tone="success" title="Subscription added.">
          Copy its signing secret now: it is not shown again. Your service checks each request&apos;s X-VCS-Connect-Signature with it (see the README).
        </Notice>
        <CopyField label="Signing secret" value={created.secret} />
        <button type="button" className={secondaryButton} onClick={() => { mutation.reset(); setOpen(false); }}>
          Done
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        Add subscription
      </button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ targetUrl: String(form.get("targetUrl") ?? ""), scope: String(form.get("scope") ?? "project"), events: WEBHOOK_EVENTS.map((e) => e.key).filter((key) => events.has(key)) });
  };
  const busy = mutation.isPending || refreshing;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField id="targetUrl" name="targetUrl" label="Your service's URL" type="url" required placeholder="https://ci.example.com/hooks/bitbucket" error={fieldError(failure, "targetUrl")} description="Each delivery is POSTed here, signed, and retried with back-off for a day until it answers 2xx." />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Deliveries of</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="project" defaultChecked className="size-4 accent-brand-600" /> This project
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="organization" className="size-4 accent-brand-600" /> All projects in the organization
          </label>
        </div>
      </fieldset>
      <fieldset aria-describedby={fieldError(failure, "events") ? "events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event.key} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
                checked={events.has(event.key)}
                onChange={(change) => setEvents((current) => { const next = new Set(current); if (change.target.checked) next.add(event.key); else next.delete(event.key); return next; })}
              />
              <span>{event.label}</span>
            </label>
          ))}
        </div>
        {fieldError(failure, "events") ? <p id="events-error" className="mt-1 text-sm text-red-700">{fieldError(failure, "events")}</p> : null}
      </fieldset>
      {isFormLevel(failure, ["targetUrl", "events"]) ? <Notice tone="error" title={failure.message}>{failure.hint}</Notice> : null}
      <Unreachable show={mutation.isError} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButton} disabled={busy}>
          {busy ? "Adding…" : "Add subscription"}
        </button>
        <button type="button" className={secondaryButton} disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The subscriptions that receive this project's deliveries; admins add and remove them, members read. */
export function Forwarding({ subscriptions, target, canManage }: { subscriptions: SubscriptionView[]; target: Target; canManage: boolean }) {
  return (
    <div className="space-y-3">
      {subscriptions.length === 0 ? (
        <p className="text-sm text-slate-600">No subscriptions. Add one to have this project&apos;s deliveries sent on to one of your services.</p>
      ) : (
        <ul aria-label="Subscriptions" className="divide-y divide-slate-200">
          {subscriptions.map((subscription) => (
            <SubscriptionItem key={subscription.id} subscription={subscription} target={target} canManage={canManage} />
          ))}
        </ul>
      )}
      {canManage ? <AddSubscriptionForm target={target} /> : null}
    </div>
  );
}
