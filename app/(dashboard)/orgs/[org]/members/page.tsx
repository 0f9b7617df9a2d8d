import { PageHeader } from "@/components/page-header";
import { RoleBadge } from "@/components/role-badge";
import { UserAvatar } from "@/components/user-avatar";
import { listMembers } from "@/lib/orgs/members";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { hasRole, type OrgRole } from "@/lib/access/roles";
import { MemberForm } from "./member-form";
import { LocalTime } from "@/components/local-time";
import { RemoveMember } from "./remove-member";
import { RoleChanger } from "./role-changer";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const members = await listMembers(access.organization.id);
  // The form is a convenience; the action checks the role again on the server.
  const canManage = hasRole(access.role, "admin");
  const isOwner = hasRole(access.role, "owner");
  // Mirrors the server's rule: admins remove members and admins, owners anyone; everyone may leave.
  const canRemove = (member: { id: string; role: string }) =>
    member.id === access.actor.userId || (canManage && (member.role !== "owner" || isOwner));
  // The same rules for roles: admins move people between member and admin, owners also grant and take away ownership.
  const roleChoices = (member: { role: OrgRole }): OrgRole[] =>
    !canManage || (member.role === "owner" && !isOwner) ? [] : isOwner ? ["member", "admin", "owner"] : ["member", "admin"];
  return (
    <>
      <PageHeader
        title="Members"
        description="Owners manage everything, admins manage connections and members, members can look but not change."
      />
      {canManage ? (
        <section aria-labelledby="member-form-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="member-form-heading" className="mb-3 font-semibold">Add a member</h2>
          <MemberForm orgSlug={access.organization.slug} canGrantOwner={isOwner} />
        </section>
      ) : null}
      <section aria-labelledby="member-list-heading" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="member-list-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
          {members.length === 1 ? "1 member" : `${members.length} members`}
        </h2>
        <ul className="divide-y divide-slate-200" aria-label="Members">
          {members.map((member) => (
            // Who they are takes the row's first line on a phone; their role and removal follow.
            <li key={member.id} className="flex flex-wrap items-center gap-x-4 gap-y-3 px-5 py-3">
              <div className="flex min-w-0 flex-1 basis-64 items-center gap-3">
                <UserAvatar name={member.name} image={member.image} size={36} />
                <div className="min-w-0">
                  <p className="font-medium">{member.name ?? "Unnamed Bitbucket user"}</p>
                  <p className="text-sm break-all text-slate-600">{member.email ?? "No email"}</p>
                  <p className="text-xs text-slate-500">
                    since <LocalTime iso={member.since.toISOString()} />
                  </p>
                </div>
              </div>
              {roleChoices(member).length > 0 ? (
                <RoleChanger
                  orgSlug={access.organization.slug}
                  member={{ id: member.id, name: member.name ?? member.email ?? "this person", role: member.role }}
                  choices={roleChoices(member)}
                />
              ) : (
                <RoleBadge role={member.role} />
              )}
              {canRemove(member) ? (
                <RemoveMember
                  orgSlug={access.organization.slug}
                  orgName={access.organization.name}
                  member={{ id: member.id, name: member.name ?? member.email ?? "this person", activeApiTokens: member.activeApiTokens }}
                  isSelf={member.id === access.actor.userId}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
