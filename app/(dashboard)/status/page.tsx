import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Status" };

export default async function StatusPage() {
  await requireUser("/status");
  return (
    <>
      <PageHeader title="Status" description="Whether each connection is healthy right now, and how it has been lately." />
      <EmptyState title="Nothing to report">Status appears for each connection once one exists.</EmptyState>
    </>
  );
}
