import { Notice } from "@/components/notice";
import type { ConsumerStepsConnection } from "./consumer-steps";

/** Step 3 once done: what Bitbucket accepted, where, and the way to change it. */
export function VerifiedCredentials({ connection, onChange }: { connection: ConsumerStepsConnection; onChange: () => void }) {
  const publicConsumer = connection.consumerKind === "public";
  return (
    <div className="space-y-3">
      <Notice tone="success" title={publicConsumer ? "Key and secret accepted." : "Key and secret verified"}>
        {publicConsumer
          ? "This is a public consumer, so Bitbucket confirms them fully when you connect."
          : "Bitbucket accepted this key and secret for a private consumer, at the Host URL and API URL below."}
      </Notice>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">Key</dt>
        <dd className="font-mono">••••{connection.clientIdLast4}</dd>
        <dt className="text-slate-500">Host URL</dt>
        <dd className="font-mono break-all">{connection.hostUrl}</dd>
        <dt className="text-slate-500">API URL</dt>
        <dd className="font-mono break-all">{connection.apiUrl}</dd>
      </dl>
      <button type="button" onClick={onChange} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
        Change key or secret
      </button>
    </div>
  );
}
