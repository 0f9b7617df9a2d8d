import type { OrgRole } from "@/lib/access/roles";

export const orgRoleLabels: Record<OrgRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };

const tones: Record<OrgRole, string> = {
  owner: "bg-brand-50 text-brand-700 ring-brand-600/20",
  admin: "bg-amber-50 text-amber-800 ring-amber-600/20",
  member: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** A person's role in one organization. */
export function RoleBadge({ role }: { role: OrgRole }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[role]}`}>
      {orgRoleLabels[role]}
    </span>
  );
}
