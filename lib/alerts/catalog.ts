/**
 * Every kind of alert: what happened and the one action that fixes it. Pure. Like the
 * error and audit catalogs, this is the one list.
 */
export const ALERT_KINDS = [
  "connection_failing",
  "connection_recovered",
  "credential_expiring",
  "credential_expired",
  "webhook_failing",
  "call_budget",
  "test",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What every destination receives; rendered per format in ./render.ts. */
export type AlertBody = {
  kind: AlertKind;
  organization: { name: string; slug: string };
  connection: { id: string; name: string } | null;
  /** One line: "Bitbucket (Acme): expires in 7 days". */
  title: string;
  /** What happened, in a sentence or two. */
  happened: string;
  /** The one action that fixes it (null when nothing is to be done: recovered, test). */
  fix: string | null;
  /** Where in the app to act. */
  link: string;
  /** "bad" | "warning" | "good" | "info": the colour chat apps show. */
  severity: "bad" | "warning" | "good" | "info";
  occurredAt: string;
};

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  connection_failing: "Connection failing",
  connection_recovered: "Connection recovered",
  credential_expiring: "Credential expiring",
  credential_expired: "Credential expired",
  webhook_failing: "Webhook deliveries failing",
  call_budget: "Call budget nearly spent",
  test: "Test alert",
};

export function parseAlertBody(json: string): AlertBody {
  return JSON.parse(json) as AlertBody;
}
