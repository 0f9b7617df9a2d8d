import { redirect } from "next/navigation";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";

/** An organization opens on its connections. */
export default async function OrganizationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization } = await requireOrgAccess(org);
  redirect(`/orgs/${organization.slug}/connections`);
}
