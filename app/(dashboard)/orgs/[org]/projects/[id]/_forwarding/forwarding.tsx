"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ConfirmDanger } from "@/components/confirm-danger";
import { CopyField } from "@/components/copy-button";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { TextField } from "@/components/form-fields";
import { LocalTime } from "@/components/local-time";
import { Notice } from "@/components/notice";
import { primaryButton, secondaryButton } from "@/components/styles";
import { SubscriptionStatusBadge } from "@/components/subscription-status";
import type { SubscriptionView } from "@/lib/forwarding/read-forwarding";
import { WEBHOOK_EVENTS } from "@/lib/projects/events";
import { addSubscriptionAction, removeSubscriptionAction } from "./actions";

type Target = { orgSlug: string; projectId: string };
const eventLabel = (key: string) => WEBHOOK_EVENTS.find((event) => event.key === key)?.label ?? key;

function RemoveSubscription({ target, subscription }: { target: Target; subscription: SubscriptionView }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: () => removeSubscriptionAction(target.orgSlug, { subscriptionId: subscription.id }),
    onSuccess: (result) => result.ok && startRefresh(() => router.refresh()),
  });
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  return (
    <ConfirmDanger
      id={`confirm-remove-${subscription.id}`}
      open="Remove"
      title={`Stop forwarding to ${subscription.targetUrl}?`}
      confirm="Yes, remove subscription"
      pending="Removing…"
      busy={mutation.isPending || refreshing}
      onConfirm={() => mutation.mutate()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>Deliveries still waiting to be sent to it are dropped, with their attempt history.</p>
    </ConfirmDanger>
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
  const { formLevel, unreachable, fieldError } = useFormFailure(mutation, ["targetUrl", "events"]);
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
      <TextField id="targetUrl" name="targetUrl" label="Your service's URL" type="url" required placeholder="https://ci.example.com/hooks/bitbucket" error={fieldError("targetUrl")} description="Each delivery is POSTed here, signed, and retried with back-off for a day until it answers 2xx." />
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
      <fieldset aria-describedby={fieldError("events") ? "events-error" : undefined}>
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
        {fieldError("events") ? <p id="events-error" className="mt-1 text-sm text-red-700">{fieldError("events")}</p> : null}
      </fieldset>
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
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
