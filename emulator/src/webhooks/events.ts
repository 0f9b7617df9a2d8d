// Event keys a repository webhook can subscribe to (Bitbucket Cloud's names).

export const EVENT_KEYS = [
  "repo:push", "repo:fork", "repo:updated", "repo:commit_comment_created",
  "repo:commit_status_created", "repo:commit_status_updated",
  "issue:created", "issue:updated", "issue:comment_created",
  "pullrequest:created", "pullrequest:updated", "pullrequest:push", "pullrequest:approved", "pullrequest:unapproved",
  "pullrequest:fulfilled", "pullrequest:rejected", "pullrequest:changes_request_created", "pullrequest:changes_request_removed",
  "pullrequest:comment_created", "pullrequest:comment_updated", "pullrequest:comment_deleted",
  "pullrequest:comment_resolved", "pullrequest:comment_reopened",
] as const;

export type EventKey = (typeof EVENT_KEYS)[number];

export function isEventKey(value: string): value is EventKey {
  return (EVENT_KEYS as readonly string[]).includes(value);
}

/** The pull request actions the control API can simulate, and their event keys. */
export const PR_ACTIONS = ["created", "updated", "fulfilled", "rejected"] as const;
export type PrAction = (typeof PR_ACTIONS)[number];
