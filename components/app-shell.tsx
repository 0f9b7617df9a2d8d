import Link from "next/link";
import type { ReactNode } from "react";
import { UserAvatar } from "./user-avatar";

export type ShellUser = { name: string | null; email: string | null; image: string | null };

export function AppShell({
  user,
  navigation,
  signOutAction,
  children,
}: {
  user: ShellUser;
  /** The sidebar's links; the layout decides which (main, or an organization's). */
  navigation: ReactNode;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen md:flex">
      <aside className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center justify-between px-4 py-4">
          <Link href="/dashboard" className="text-lg font-semibold text-brand-900">
            vcs-connect
          </Link>
        </div>
        <nav aria-label="Main" className="px-2 pb-3">
          {navigation}
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
          <UserAvatar name={user.name} image={user.image} />
          <span className="truncate text-sm font-medium" data-testid="header-user-name">
            {user.name ?? user.email ?? "Signed in"}
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </header>
        <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      </div>
    </div>
  );
}
