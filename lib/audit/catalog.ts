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

type Entry = { label: string; target: AuditTargetType };

export const auditCatalog = {
  // Organizations
  "organization.created": { label: "Created the organization", target: "organization" },
  "public_status.enabled": { label: "Turned the public status page on", target: "organization" },
  "public_status.disabled": { label: "Turned the public status page off", target: "organization" },

  // Health checks
  "organization.check_interval_changed": { label: "Changed how often connections are checked", target: "organization" },

  // Alerts
  "alert_destination.added": { label: "Added an alert destination", target: "organization" },
  "alert_destination.removed": { label: "Removed an alert destination", target: "organization" },
  "alerts.test_sent": { label: "Sent a test alert", target: "organization" },
  "alerts.expiry_warning_changed": { label: "Changed when expiring credentials are flagged", target: "organization" },

  // Members
  "member.added": { label: "Added a member", target: "user" },
  "member.role_changed": { label: "Changed a member's role", target: "user" },
  "member.removed": { label: "Removed a member (their API tokens revoked)", target: "user" },
  "member.left": { label: "Left the organization (their API tokens revoked)", target: "user" },

  // Connections
  "connection.created": { label: "Created the connection", target: "connection" },
  "connection.renamed": { label: "Renamed the connection", target: "connection" },
  "connection.credentials_saved": { label: "Saved the key and secret", target: "connection" },
  "connection.secret_rotated": { label: "Rotated the secret", target: "connection" },
  "connection.credentials_reverified": { label: "Checked the key and secret again", target: "connection" },
  "connection.consumer_changed": { label: "Changed the consumer or host", target: "connection" },
  "connection.authorized": { label: "Authorized it on Bitbucket", target: "connection" },
  "connection.authorization_failed": { label: "Authorization failed", target: "connection" },
  "connection.status_changed": { label: "Status changed", target: "connection" },
  "connection.token_verified": { label: "Verified its access token or API token", target: "connection" },
  "connection.token_replaced": { label: "Replaced its access token or API token", target: "connection" },
  "connection.disconnected": { label: "Disconnected the connection", target: "connection" },
  "connection.deleted": { label: "Deleted the connection", target: "connection" },

  // Projects
  "project.added": { label: "Added the project", target: "project" },
  "project.removed": { label: "Removed the project", target: "project" },

  // Forwarding deliveries to the organization's services
  "webhook_subscription.created": { label: "Added a subscription", target: "webhook_subscription" },
  "webhook_subscription.removed": { label: "Removed a subscription", target: "webhook_subscription" },
  "webhook_subscription.redelivered": { label: "Redelivered a delivery to a subscription", target: "webhook_subscription" },
  "webhook_subscription.failing": { label: "Subscription marked failing", target: "webhook_subscription" },
  "webhook_subscription.recovered": { label: "Subscription delivering again", target: "webhook_subscription" },

  // API tokens
  "api_token.created": { label: "Created an API token", target: "api_token" },
  "api_token.revoked": { label: "Revoked an API token", target: "api_token" },

  // Services using a connection
  "connection.token_issued": { label: "Gave a service an access token", target: "connection" },

  // The instance (recorded in InstanceAuditEvent, shown under Settings → Users)
  "instance.owner_transferred": { label: "Handed the instance to another user", target: "user" },
  "user.blocked": { label: "Blocked a user from signing in", target: "user" },
  "user.unblocked": { label: "Unblocked a user", target: "user" },
  "sign_in_policy.updated": { label: "Changed who may sign in", target: "sign_in_policy" },
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
