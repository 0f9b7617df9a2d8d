import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  await requireUser("/integrations");
  return (
    <>
      <PageHeader title="Integrations" description="Providers you can connect" />
      <EmptyState title=" Bitbucket Cloud first; Bitbucket Data Center, GitHub and GitLab later.">No integrations yet:The guided Bitbucket Cloud setup (OAuth consumer, permissions, Connect) lives here. It is not part of this version yet, so nothing is configured.</EmptyState>
    </>
  );
}
