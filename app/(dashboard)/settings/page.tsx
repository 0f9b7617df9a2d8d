import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  return (
    <>
      <PageHeader title="Settings" description="How this instance is set up." />
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        <li>
          <Link href="/settings/authentication" className="block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium">Authentication</span>
            <span className="block text-sm text-slate-600">Who may sign in, and sign-in with Bitbucket: the login consumer and how to use your own.</span>
          </Link>
        </li>
        {user.role === "owner" ? (
          <li>
            <Link href="/settings/users" className="block px-5 py-4 hover:bg-slate-50">
              <span className="font-medium">Users</span>
              <span className="block text-sm text-slate-600">Everyone who has signed in: block someone, or hand the instance to another person.</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
