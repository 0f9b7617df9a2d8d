/** How the Audit page words an event's before/after snapshots. */
import { parseStatus, STATUS_WORDS } from "@/lib/connections/status";
import { errorCatalog } from "@/lib/errors/codes";

type Snapshots = { before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** A recorded value in words: statuses by their label, error codes by their message. */
function show(key: string, value: unknown): string {
  if (value === undefined) return "–";
  if (typeof value === "string") {
    if (key === "status") return STATUS_WORDS[parseStatus(value)].label;
    if ((key === "reason" || key === "error") && Object.hasOwn(errorCatalog, value)) return errorCatalog[value as keyof typeof errorCatalog].message;
    return value;
  }
  // Audit snapshots are plain values by design; React escapes them when rendered as text.
  return JSON.stringify(value);
}

/** One entry per field that differs: "role: member → admin"; a field only after was set, only before was removed. */
export function describeChanges({ before, after }: Snapshots) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((key) => show(key, before?.[key]) !== show(key, after?.[key]))
    .map((key) => ({
      key,
      from: before && key in before ? show(key, before[key]) : null,
      to: after && key in after ? show(key, after[key]) : "(removed)",
    }));
}
