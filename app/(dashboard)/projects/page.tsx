import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Projects" };

export default async function ProjectsPage() {
  await requireUser("/projects");
  return (
    <>
      <PageHeader title="Projects" description="Repositories you work with, their webhooks and deliveries." />
      <EmptyState title="No projects">Projects come from the repositories of a connected Bitbucket account. Connect Bitbucket first.</EmptyState>
    </>
  );
}
