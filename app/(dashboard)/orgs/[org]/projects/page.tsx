import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";

export const metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgAccess((await params).org);
  return (
    <>
      <PageHeader title="Projects" description="Repositories you work with, their webhooks and deliveries." />
      <EmptyState title="No projects yet">
        Projects come from a connected Bitbucket account&apos;s repositories. Once a connection is set up and authorized, you can turn its
        repositories into projects here.
      </EmptyState>
    </>
  );
}
