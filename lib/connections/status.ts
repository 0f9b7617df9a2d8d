export const CONNECTION_STATUSES = [
  "draft",
  "awaiting_authorization",
  "connected",
  "missing_permissions",
  "error",
  "needs_reauthorization",
  "disconnected",
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const STATUS_INFO: Record<ConnectionStatus, { label: string; tone: "neutral" | "progress" | "good" | "warning" | "bad" }> = {
  draft: { label: "Draft", tone: "neutral" },
  awaiting_authorization: { label: "Awaiting authorization", tone: "progress" },
  connected: { label: "Connected", tone: "good" },
  missing_permissions: { label: "Connected, missing permissions", tone: "warning" },
  error: { label: "Error", tone: "bad" },
  needs_reauthorization: { label: "Needs reauthorization", tone: "bad" },
  disconnected: { label: "Disconnected", tone: "neutral" },
};

export function parseStatus(value: string): ConnectionStatus {
  return (CONNECTION_STATUSES as readonly string[]).includes(value) ? (value as ConnectionStatus) : "error";
}

/** Statuses with saved, verified credentials, from which Connect may start. */
export const CAN_CONNECT: readonly ConnectionStatus[] = [
  "awaiting_authorization",
  "connected",
  "missing_permissions",
  "error",
  "needs_reauthorization",
  "disconnected",
];

/** Statuses in which a grant (tokens) exists. */
export const HAS_GRANT: readonly ConnectionStatus[] = ["connected", "missing_permissions", "needs_reauthorization"];
