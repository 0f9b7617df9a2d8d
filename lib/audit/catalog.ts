/**
 * Every audit action: its id (stored with each event), the words people see, and the
 * kind of thing it is about. Like lib/errors/codes.ts, this is the one list; add a new
 * action in its own group, and record it with recordAuditEvent.
 */
export const AUDIT_TARGETS = {
  organization: "Organization",
  user: "Member",
  connection: "Connection",
  project: "Project",
  api_token: "API token",
  webhook_subscription: "Subscription",
  sign_in_policy: "Sign-in policy",
} as const;
export type AuditTargetType = keyof typeof AUDIT_TARGETS;

/**
 * How the Audit page's action filter groups the actions: each group's heading and the words
 * for "any action in it". Instance actions live in the instance's own log, not an organization's.
 */
export const AUDIT_GROUPS = {
  organization: { label: "Organization settings", any: "Any organization setting" },
  members: { label: "Members", any: "Any change to members" },
  connections: { label: "Connections", any: "Any change to connections" },
  projects: { label: "Projects", any: "Any change to projects" },
  forwarding: { label: "Forwarding", any: "Any change to forwarding" },
  api_tokens: { label: "API tokens", any: "Any change to API tokens" },
  instance: { label: "The instance", any: "Any change to the instance" },
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUPS;

type Entry = { label: string; target: AuditTargetType; group: AuditGroup };

export const auditCatalog = {
  // Organizations
  "organization.created": { label: "Created the organization", target: "organization", group: "organization" },
  "public_status.enabled": { label: "Turned the public status page on", target: "organization", group: "organization" },
  "public_status.disabled": { label: "Turned the public status page off", target: "organization", group: "organization" },

  // Health checks
  "organization.check_interval_changed": { label: "Changed how often connections are checked", target: "organization", group: "organization" },

  // Alerts
  "alert_destination.added": { label: "Added an alert destination", target: "organization", group: "organization" },
  "alert_destination.removed": { label: "Removed an alert destination", target: "organization", group: "organization" },
  "alerts.test_sent": { label: "Sent a test alert", target: "organization", group: "organization" },
  "alerts.expiry_warning_changed": { label: "Changed when expiring credentials are flagged", target: "organization", group: "organization" },

  // Members
  "member.added": { label: "Added a member", target: "user", group: "members" },
  "member.role_changed": { label: "Changed a member's role", target: "user", group: "members" },
  "member.removed": { label: "Removed a member (their API tokens revoked)", target: "user", group: "members" },
  "member.left": { label: "Left the organization (their API tokens revoked)", target: "user", group: "members" },

  // Connections
  "connection.created": { label: "Created the connection", target: "connection", group: "connections" },
  "connection.renamed": { label: "Renamed the connection", target: "connection", group: "connections" },
  "connection.credentials_saved": { label: "Saved the key and secret", target: "connection", group: "connections" },
  "connection.secret_rotated": { label: "Rotated the secret", target: "connection", group: "connections" },
  "connection.credentials_reverified": { label: "Checked the key and secret again", target: "connection", group: "connections" },
  "connection.consumer_changed": { label: "Changed the consumer or host", target: "connection", group: "connections" },
  "connection.authorized": { label: "Authorized it on Bitbucket", target: "connection", group: "connections" },
  "connection.authorization_failed": { label: "Authorization failed", target: "connection", group: "connections" },
  "connection.status_changed": { label: "Status changed", target: "connection", group: "connections" },
  "connection.token_verified": { label: "Verified its access token or API token", target: "connection", group: "connections" },
  "connection.token_replaced": { label: "Replaced its access token or API token", target: "connection", group: "connections" },
  "connection.disconnected": { label: "Disconnected the connection", target: "connection", group: "connections" },
  "connection.deleted": { label: "Deleted the connection", target: "connection", group: "connections" },

  // Projects
  "project.added": { label: "Added the project", target: "project", group: "projects" },
  "project.removed": { label: "Removed the project", target: "project", group: "projects" },

  // Forwarding deliveries to the organization's services
  "webhook_subscription.created": { label: "Added a subscription", target: "webhook_subscription", group: "forwarding" },
  "webhook_subscription.removed": { label: "Removed a subscription", target: "webhook_subscription", group: "forwarding" },
  "webhook_subscription.redelivered": { label: "Redelivered a delivery to a subscription", target: "webhook_subscription", group: "forwarding" },
  "webhook_subscription.failing": { label: "Subscription marked failing", target: "webhook_subscription", group: "forwarding" },
  "webhook_subscription.recovered": { label: "Subscription delivering again", target: "webhook_subscription", group: "forwarding" },

  // API tokens
  "api_token.created": { label: "Created an API token", target: "api_token", group: "api_tokens" },
  "api_token.revoked": { label: "Revoked an API token", target: "api_token", group: "api_tokens" },

  // Services using a connection
  "connection.token_issued": { label: "Gave a service an access token", target: "connection", group: "connections" },

  // The instance (recorded in InstanceAuditEvent, shown under Settings → Users)
  "instance.owner_transferred": { label: "Handed the instance to another user", target: "user", group: "instance" },
  "user.blocked": { label: "Blocked a user from signing in", target: "user", group: "instance" },
  "user.unblocked": { label: "Unblocked a user", target: "user", group: "instance" },
  "sign_in_policy.updated": { label: "Changed who may sign in", target: "sign_in_policy", group: "instance" },
} as const satisfies Record<string, Entry>;

export type AuditAction = keyof typeof auditCatalog;
export type AuditTargetOf<A extends AuditAction> = (typeof auditCatalog)[A]["target"];

/** The words for a stored action; an action no longer in the catalog reads as "Other change". */
export function auditLabel(action: string): string {
  return Object.hasOwn(auditCatalog, action) ? auditCatalog[action as AuditAction].label : "Other change";
}

export function auditTargetLabel(type: string): string {
  return Object.hasOwn(AUDIT_TARGETS, type) ? AUDIT_TARGETS[type as AuditTargetType] : "Item";
}

/** The actions of a group, in catalog order. */
export function auditActionsIn(group: AuditGroup): AuditAction[] {
  return (Object.keys(auditCatalog) as AuditAction[]).filter((action) => auditCatalog[action].group === group);
}

/** The groups an organization's log holds (not the instance's), each with its actions' words. */
export const ORGANIZATION_AUDIT_GROUPS = (Object.keys(AUDIT_GROUPS) as AuditGroup[])
  .filter((group) => group !== "instance")
  .map((group) => ({ group, ...AUDIT_GROUPS[group], actions: auditActionsIn(group).map((action) => ({ action, label: auditCatalog[action].label })) }));
