import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  await requireUser("/connections");
  return (
    <>
      <PageHeader title="Connections" description="Each connection links one OAuth consumer to this instance." />
      <EmptyState title="No connections">A connection appears here once an integration is set up and authorized on Bitbucket.</EmptyState>
    </>
  );
}
