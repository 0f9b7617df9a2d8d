import type { SubscriptionStatus } from "@/lib/forwarding/schemas";

const styles: Record<SubscriptionStatus, { label: string; tone: string }> = {
  active: { label: "Active", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  failing: { label: "Failing", tone: "bg-red-50 text-red-800 ring-red-600/20" },
};

/** A subscription's state: active, or failing after repeated failed attempts (the reason is shown next to it). */
export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const { label, tone } = styles[status];
  return (
    <span data-testid="subscription-status" className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}>
      {label}
    </span>
  );
}
