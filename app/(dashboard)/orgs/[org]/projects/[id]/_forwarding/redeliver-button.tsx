"use client";

import { useMutation } from "@tanstack/react-query";
import { redeliverAction } from "./actions";

type Target = { orgSlug: string; projectId: string };

/** Queues one more forward of a delivery to a subscription; the log shows it as it goes. */
export function RedeliverButton({ target, deliveryId, subscriptionId, onQueued }: { target: Target; deliveryId: string; subscriptionId: string; onQueued: () => void }) {
  const mutation = useMutation({
    mutationFn: () => redeliverAction(target.orgSlug, { projectId: target.projectId, deliveryId, subscriptionId }),
    onSuccess: (result) => result.ok && onQueued(),
  });
  const failure = mutation.data?.ok === false ? mutation.data.error.message : mutation.isError ? "The server could not be reached." : null;
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-60" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? "Queueing…" : "Redeliver"}
      </button>
      {failure ? <span role="alert" className="text-red-800">{failure}</span> : null}
      {mutation.data?.ok ? <span role="status" className="text-slate-600">Queued</span> : null}
    </span>
  );
}
