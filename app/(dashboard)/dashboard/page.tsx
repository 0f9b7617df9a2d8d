import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { UserAvatar } from "@/components/user-avatar";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Dashboard" };

const roleLabels = { owner: "Instance owner", member: "Member" } as const;

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <>
      <PageHeader title={`Welcome, ${user.name ?? "there"}`} description="Your Bitbucket account and where to go next." />
      <section aria-label="Your account" className="flex items-center gap-4 rounded-xl border border-slate-200 bg-white p-5">
        <UserAvatar name={user.name} image={user.image} size={56} />
        <div>
          <p className="text-lg font-semibold" data-testid="profile-name">{user.name ?? "Unnamed Bitbucket user"}</p>
          <p className="text-sm text-slate-600" data-testid="profile-email">
            {user.email ?? "No confirmed primary email on Bitbucket (or the login consumer lacks Account: Email)."}
          </p>
          <p className="mt-1 text-xs font-medium uppercase tracking-wide text-slate-500" data-testid="profile-role">
            {roleLabels[user.role]}
          </p>
        </div>
      </section>
      <section aria-label="Next steps" className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">Next steps</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Connect Bitbucket Cloud from <Link className="text-brand-700 underline" href="/integrations">Integrations</Link>.
          </li>
          <li>Turn repositories into projects and watch their webhook deliveries.</li>
          <li>
            Check who can sign in, and how, in <Link className="text-brand-700 underline" href="/settings/authentication">Settings → Authentication</Link>.
          </li>
        </ol>
      </section>
    </>
  );
}
