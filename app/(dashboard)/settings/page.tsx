import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireUser("/settings");
  return (
    <>
      <PageHeader title="Settings" description="How this instance is set up." />
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        <li>
          <Link href="/settings/authentication" className="block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium">Authentication</span>
            <span className="block text-sm text-slate-600">Sign-in with Bitbucket: the login consumer and how to use your own.</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
