/**
 * Connection status: the one home for which statuses exist, what each allows, and the words
 * people see for each. Pure (shared by server and client); the one function that changes a
 * status is `changeStatus` in ./change-status.
 */
export const CONNECTION_STATUSES = [
  "draft",
  "awaiting_authorization",
  "connected",
  "missing_permissions",
  "error",
  "needs_reauthorization",
  "disconnected",
  "expiring_soon",
  "expired",
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export type StatusTone = "neutral" | "progress" | "good" | "warning" | "bad";

type StatusWords = {
  /** The badge text. */
  label: string;
  tone: StatusTone;
  /** One line on the health panel: is it working? */
  summary: string;
  /** What the status means for setup, on the connection page. */
  detail: string;
  /** What an admin does about it, when there is something to do. */
  fix: string | null;
};

export const STATUS_WORDS: Record<ConnectionStatus, StatusWords> = {
  draft: {
    label: "Draft",
    tone: "neutral",
    summary: "Not set up yet: nothing is checked.",
    detail: "Setup has started; the consumer's key and secret are not verified yet.",
    fix: "Enter the consumer's key and secret.",
  },
  awaiting_authorization: {
    label: "Awaiting authorization",
    tone: "progress",
    summary: "Not authorized yet: checks start once someone chooses Connect and grants access.",
    detail: "The key and secret are verified. Nobody has chosen Connect and granted access on Bitbucket yet.",
    fix: "Choose Connect and grant access on Bitbucket.",
  },
  connected: {
    label: "Connected",
    tone: "good",
    summary: "Working: Bitbucket accepts the token and answers the checks.",
    detail: "Authorized on Bitbucket with every permission this connection needs.",
    fix: null,
  },
  missing_permissions: {
    label: "Connected, missing permissions",
    tone: "warning",
    summary: "Working, but the grant lacks permissions this connection needs (see Permissions).",
    detail: "Authorized on Bitbucket, but the consumer lacks permissions this connection needs (see Permissions).",
    fix: "Tick the missing permissions on the consumer in Bitbucket, then Reconnect.",
  },
  error: {
    label: "Error",
    tone: "bad",
    summary: "Checks keep failing.",
    detail: "The last attempt failed; see below.",
    fix: "Follow the hint under the error, then Connect again.",
  },
  needs_reauthorization: {
    label: "Needs reauthorization",
    tone: "bad",
    summary: "Bitbucket no longer accepts this connection's authorization.",
    detail: "Bitbucket no longer accepts the stored authorization. Reconnect to authorize again.",
    fix: "Reconnect to authorize again.",
  },
  disconnected: {
    label: "Disconnected",
    tone: "neutral",
    summary: "Disconnected: this app holds no tokens, so nothing is checked.",
    detail: "The tokens were deleted. The key, secret and URLs are kept, so Reconnect needs nothing re-entered.",
    fix: "Reconnect to authorize again.",
  },
  // A credential's end (lib/connections/credential-end.ts), judged by the sweep.
  expiring_soon: {
    label: "Expiring soon",
    tone: "warning",
    summary: "Working, but its credential ends soon (see the countdown).",
    detail: "Authorized and working; the credential ends soon, and then Bitbucket will refuse it.",
    fix: "Reconnect (or replace the token) before it ends.",
  },
  expired: {
    label: "Expired",
    tone: "bad",
    summary: "The credential has ended: Bitbucket no longer accepts it.",
    detail: "The credential reached its end date. The configuration and projects are kept.",
    fix: "Reconnect to authorize again (or replace the token).",
  },
};

export function parseStatus(value: string): ConnectionStatus {
  return (CONNECTION_STATUSES as readonly string[]).includes(value) ? (value as ConnectionStatus) : "error";
}

const statusSet = (...statuses: ConnectionStatus[]) => new Set<string>(statuses);

/** Saved, verified credentials: Connect may start. */
const CAN_CONNECT = statusSet("awaiting_authorization", "connected", "missing_permissions", "error", "needs_reauthorization", "disconnected", "expiring_soon", "expired");
/** A grant (tokens) exists. */
const HAS_GRANT = statusSet("connected", "missing_permissions", "needs_reauthorization", "expiring_soon", "expired");
/** Authorized and accepted by Bitbucket: repositories can be browsed and added. */
const WORKING = statusSet("connected", "missing_permissions", "expiring_soon");
/** The health sweep checks these (a failing one recovers when a check passes). */
const SWEEPABLE = statusSet("connected", "missing_permissions", "error", "expiring_soon");

export const SWEEPABLE_STATUSES = [...SWEEPABLE] as ConnectionStatus[];

export const canConnect = (status: string) => CAN_CONNECT.has(status);
export const hasGrant = (status: string) => HAS_GRANT.has(status);
export const isUsableForProjects = (status: string) => WORKING.has(status);
/** Transient failures past the threshold turn only a working connection into `error`. */
export const isWorking = (status: string) => WORKING.has(status);
export const isSweepable = (status: string) => SWEEPABLE.has(status);
export const isDraft = (status: string) => status === "draft";
export const isDisconnected = (status: string) => status === "disconnected";
/** Bitbucket will not accept the stored authorization (refused, or its credential has ended): only Reconnect helps. */
export const needsReauthorization = (status: string) => status === "needs_reauthorization" || status === "expired";
/** Setup still has steps to show: the key and secret, or the first Connect. */
export const isSettingUp = (status: string) => status === "draft" || status === "awaiting_authorization";
/** The status a new connection starts in. */
export const initialStatus = (hasCredentials: boolean): ConnectionStatus => (hasCredentials ? "awaiting_authorization" : "draft");
/** After a successful grant: all required scopes, or some missing. */
export const grantedStatus = (missingScopeCount: number): ConnectionStatus => (missingScopeCount > 0 ? "missing_permissions" : "connected");

/** A status an admin should look at: failing, refused, ended, short of permissions or ending soon (the warning and bad tones). */
export const needsAttention = (status: ConnectionStatus) => STATUS_WORDS[status].tone === "warning" || STATUS_WORDS[status].tone === "bad";

/**
 * The one line over a status page: "11 of 12 connections working; 1 needs attention". A
 * connection that works but needs attention (missing permissions, ending soon) counts in
 * both; one that is not set up or is disconnected is "not connected".
 */
export function statusSummary(statuses: readonly ConnectionStatus[]): { text: string; tone: StatusTone } {
  const total = statuses.length;
  if (total === 0) return { text: "No connections yet.", tone: "neutral" };
  const working = statuses.filter(isWorking).length;
  const attention = statuses.filter(needsAttention).length;
  const notConnected = statuses.filter((status) => !isWorking(status) && !needsAttention(status)).length;
  const parts = [`${working === total && total > 1 ? `All ${total}` : `${working} of ${total}`} connection${total === 1 ? "" : "s"} working`];
  if (attention > 0) parts.push(`${attention} need${attention === 1 ? "s" : ""} attention`);
  if (notConnected > 0) parts.push(`${notConnected} not connected`);
  const tone: StatusTone = statuses.some((status) => STATUS_WORDS[status].tone === "bad")
    ? "bad"
    : attention > 0
      ? "warning"
      : working === total
        ? "good"
        : "neutral";
  return { text: parts.join("; "), tone };
}

/**
 * The setup detail for a status, in the words of the connection's credential: an access
 * token or API token is never reconnected, a person replaces it.
 */
export function statusDetail(status: ConnectionStatus, credentialType: string): string {
  if (credentialType === "oauth_consumer") return STATUS_WORDS[status].detail;
  if (status === "needs_reauthorization") return "Bitbucket no longer accepts the token. Create a new one on Bitbucket and choose Replace token; projects and webhooks are kept.";
  if (status === "connected") return "The token is verified with Bitbucket and has every permission this connection needs.";
  if (status === "expired") return "The token reached its expiry date, so Bitbucket refuses it. Create a new one on Bitbucket and choose Replace token; projects and webhooks are kept.";
  if (status === "expiring_soon") return "The token is verified and working, but it expires soon. Create a new one on Bitbucket and choose Replace token before then.";
  return STATUS_WORDS[status].detail;
}

/** Whose credential end the sweep judges: every status with a grant that has not ended or been refused. */
export const EXPIRY_WATCHED_STATUSES: ConnectionStatus[] = ["connected", "missing_permissions", "error", "expiring_soon", "expired"];
/** Statuses an organization is alerted about when a connection turns to them. */
export const ALERTING_STATUSES: ConnectionStatus[] = ["error", "needs_reauthorization", "missing_permissions", "expired"];
/** A move from one of these to a working status is a recovery worth telling. */
export const isAlerting = (status: string) => (ALERTING_STATUSES as string[]).includes(status);
