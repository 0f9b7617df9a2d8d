/** One Bitbucket permission checkbox, by the label its consumer form shows ("Webhooks: Read and write"). */
export type ChecklistItem = { checkbox: string; state?: "granted" | "missing" };

const marks = {
  todo: "border-slate-400 bg-white",
  granted: "border-emerald-600 bg-emerald-600",
  missing: "border-red-500 bg-white",
} as const;

/**
 * Bitbucket's permission checkboxes as a list. Each item's text is exactly the
 * checkbox's label; granted and missing ones are marked when a grant exists.
 */
export function PermissionChecklist({ label, items, columns = 2 }: { label: string; items: ChecklistItem[]; columns?: 1 | 2 }) {
  return (
    <ul aria-label={label} className={`grid gap-1.5 ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
      {items.map((item) => (
        <li key={item.checkbox} className="flex items-center gap-2 text-sm">
          <span aria-hidden className={`inline-block h-4 w-4 shrink-0 rounded border-2 ${marks[item.state ?? "todo"]}`} />
          <span className={item.state === "missing" ? "font-medium text-red-800" : undefined}>{item.checkbox}</span>
          {item.state === "missing" ? <span className="sr-only"> (missing)</span> : null}
          {item.state === "granted" ? <span className="sr-only"> (granted)</span> : null}
        </li>
      ))}
    </ul>
  );
}
