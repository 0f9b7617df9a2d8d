import Form from "next/form";
import Link from "next/link";
import { SelectField } from "@/components/form-fields";
import { primaryButton, secondaryButton } from "@/components/styles";
import { SYSTEM_ACTOR } from "@/lib/audit/audit-query";
import { ORGANIZATION_AUDIT_GROUPS } from "@/lib/audit/catalog";
import type { AuditPerson } from "@/lib/audit/read-audit-log";

type Props = { action: string | undefined; person: string | undefined; people: AuditPerson[]; pageHref: string };

/**
 * Filters as a GET form: the choice lives in the address, so it survives a reload, can be
 * shared, and works before the page's scripts run. A new filter starts at the newest events.
 * Keyed by the filters, so the selects show the address's choice after a navigation.
 */
export function FilterForm({ action, person, people, pageHref }: Props) {
  const filtered = Boolean(action || person);
  return (
    <Form
      key={`${action ?? ""}|${person ?? ""}`}
      action={pageHref}
      role="search"
      aria-label="Filter the audit log"
      className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_auto] md:items-end"
    >
      <SelectField id="audit-action" label="Action" name="action" defaultValue={action ?? ""}>
        <option value="">All actions</option>
        {ORGANIZATION_AUDIT_GROUPS.map((group) => (
          <optgroup key={group.group} label={group.label}>
            <option value={group.group}>{group.any}</option>
            {group.actions.map((entry) => (
              <option key={entry.action} value={entry.action}>
                {entry.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField id="audit-person" label="Person" name="person" defaultValue={person ?? ""}>
        <option value="">Everyone</option>
        <option value={SYSTEM_ACTOR}>The system (checks, refreshes, deliveries)</option>
        {people.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.formerMember ? `${entry.name} (no longer a member)` : entry.name}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <button type="submit" className={primaryButton}>
          Filter
        </button>
        {filtered ? (
          <Link href={pageHref} className={`${secondaryButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
