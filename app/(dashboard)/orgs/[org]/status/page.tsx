import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";

export const metadata = { title: "Status" };

export default async function StatusPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgAccess((await params).org);
  return (
    <>
      <PageHeader title="Status" description="Whether each connection is healthy right now, and how it has been lately." />
      <EmptyState title="Nothing to report yet">
        Status appears once a connection exists: each one is then checked against Bitbucket and its health shown here.
      </EmptyState>
    </>
  );
}
