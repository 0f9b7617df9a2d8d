import type { ReactNode } from "react";
import { RoleBadge } from "@/components/role-badge";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";

/**
 * Frames every page of one organization: only its members get past here (others get
 * the 404 page). The sidebar shows the organization's pages; this names the
 * organization and the viewer's role above each of them.
 */
export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, role } = await requireOrgAccess(org);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 pb-4">
        <p className="text-sm text-slate-500">
          Organization <span className="font-semibold text-slate-900" data-testid="organization-name">{organization.name}</span>
        </p>
        <p className="flex items-center gap-2 text-sm text-slate-500">
          Your role <RoleBadge role={role} />
        </p>
      </div>
      {children}
    </>
  );
}
