import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { auditHref, auditQuery, type AuditQuery } from "@/lib/audit/audit-query";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { isAppError } from "@/lib/errors/app-error";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { EventTable } from "./_log/event-table";
import { FilterForm } from "./_log/filter-form";
import { PageLinks } from "./_log/page-links";

export const metadata = { title: "Audit" };

const UNFILTERED: AuditQuery = {};

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ params, searchParams }: Props) {
  const access = await requireOrgAccess((await params).org);
  const base = `/orgs/${access.organization.slug}/audit`;
  const parsed = auditQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : UNFILTERED;
  let problem = parsed.success ? null : parsed.error.issues[0]!.message;
  const log =
    (await readAuditLog(access, query).catch((error: unknown) => {
      if (!(isAppError(error) && error.code === "invalid_input" && error.field === "person")) throw error;
      problem = `Person filter: ${error.detail}.`;
      return null;
    })) ??
    // A filter that cannot be applied still leaves the form, with everyone in it, to choose another.
    (await readAuditLog(access, UNFILTERED));
  const filters = { action: query.action, person: query.person };

  return (
    <>
      <PageHeader title="Audit" description="Who changed what in this organization, newest first." />
      <FilterForm {...(problem ? { action: undefined, person: undefined } : filters)} people={log.people} pageHref={base} />
      {problem ? (
        <Notice tone="error" title="These filters cannot be applied">
          <p>{problem}</p>
          <p className="mt-1">
            <Link href={base} className="font-medium underline">Show all events</Link>
          </p>
        </Notice>
      ) : log.events.length === 0 ? (
        filters.action || filters.person ? (
          <EmptyState title="No events match these filters">
            Choose another action or person, or <Link href={base} className="font-medium text-brand-700 underline">show all events</Link>.
          </EmptyState>
        ) : (
          <EmptyState title="No events yet">Changes to the organization, its members and its connections are recorded here.</EmptyState>
        )
      ) : (
        <>
          <EventTable events={log.events} />
          <PageLinks
            newerHref={log.newer ? auditHref(base, { ...filters, newer: log.newer }) : null}
            olderHref={log.older ? auditHref(base, { ...filters, older: log.older }) : null}
          />
        </>
      )}
    </>
  );
}
