export type HookStatus = "pending" | "registered" | "failed";

const styles: Record<HookStatus, { label: string; tone: string }> = {
  registered: { label: "Webhook registered", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  failed: { label: "Webhook failed", tone: "bg-red-50 text-red-800 ring-red-600/20" },
  pending: { label: "Webhook pending", tone: "bg-sky-50 text-sky-800 ring-sky-600/20" },
};

export function parseHookStatus(value: string): HookStatus {
  return value === "registered" || value === "failed" ? value : "pending";
}

/** A project's webhook on Bitbucket: registered, failed (the reason is shown next to it) or not registered yet. */
export function WebhookStatusBadge({ status }: { status: HookStatus }) {
  const { label, tone } = styles[status];
  return (
    <span
      data-testid="webhook-status"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}
    >
      {label}
    </span>
  );
}
