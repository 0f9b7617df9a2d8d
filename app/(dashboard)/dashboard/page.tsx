import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { RoleBadge } from "@/components/role-badge";
import { UserAvatar } from "@/components/user-avatar";
import { requireUser } from "@/lib/auth/session";
import { listOrganizationsForUser } from "@/lib/orgs/list-organizations";
import { nextSteps } from "@/lib/orgs/next-steps";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata = { title: "Dashboard" };

const roleLabels = { owner: "Instance owner", member: "Member" } as const;
const card = "rounded-xl border border-slate-200 bg-white p-5";
const linkClass = "text-brand-700 underline";

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const organizations = await listOrganizationsForUser(user.id);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name ?? "there"}`} description="Your Bitbucket account, your organizations and where to go next." />
      <section aria-label="Your account" className={`flex items-center gap-4 ${card}`}>
        <UserAvatar name={user.name} image={user.image} size={56} />
        <div className="min-w-0">
          <p className="text-lg font-semibold" data-testid="profile-name">{user.name ?? "Unnamed Bitbucket user"}</p>
          <p className="text-sm break-words text-slate-600" data-testid="profile-email">
            {user.email ?? "No confirmed primary email on Bitbucket (or the login consumer lacks Account: Email)."}
          </p>
          <p className="mt-1 text-xs font-medium uppercase tracking-wide text-slate-500" data-testid="profile-role">
            {roleLabels[user.role]}
          </p>
        </div>
      </section>

      <section aria-labelledby="your-organizations" className={`mt-6 ${card}`}>
        <h2 id="your-organizations" className="font-semibold">Your organizations</h2>
        {organizations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            You are not in any organization yet. Create one below, or ask an owner or admin of an existing one to add you.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {organizations.map((organization) => (
              <li key={organization.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                <Link href={`/orgs/${organization.slug}`} className="font-medium text-brand-700 hover:underline">
                  {organization.name}
                </Link>
                <RoleBadge role={organization.role} />
                <span className="text-sm text-slate-500 sm:ml-auto">
                  {organization.connectionCount === 1 ? "1 connection" : `${organization.connectionCount} connections`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="create-organization" aria-labelledby="create-organization-heading" className={`mt-6 scroll-mt-6 ${card}`}>
        <h2 id="create-organization-heading" className="font-semibold">Create organization</h2>
        {user.role === "owner" ? (
          <>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              Connections, projects and the audit log belong to an organization. You become its owner and can add people afterwards.
            </p>
            <CreateOrganizationForm />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">
            The instance owner creates organizations. Ask them to create one and add you (by the email you signed in with) under Members.
          </p>
        )}
      </section>

      <section aria-label="Next steps" className={`mt-6 ${card}`}>
        <h2 className="font-semibold">Next steps</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          {nextSteps({ instanceOwner: user.role === "owner" }, organizations).map((step) => (
            <li key={step.text}>
              {step.text}
              {step.link ? (
                <>
                  {" "}
                  <Link className={linkClass} href={step.link.href}>
                    {step.link.label}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
