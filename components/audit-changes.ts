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
  if (value === null) return "none";
  // A list of words (scopes, say) reads as one.
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.length > 0 ? value.join(", ") : "none";
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

/** Whether a recorded value is a moment as snapshots store them (ISO 8601 in UTC), to be shown in the reader's zone. */
export function isRecordedTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value);
}
