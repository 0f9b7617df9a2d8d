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
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:ring-2 focus:ring-brand-600"
      >
        Skip to main content
      </a>
      <aside className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-3 px-4 py-3 md:py-4">
          <Link href="/dashboard" className="text-lg font-semibold text-brand-900">
            vcs-connect
          </Link>
          {/* On a phone the account sits here, so the header takes no row of its own. */}
          <div className="flex min-w-0 items-center gap-2 md:hidden">
            <UserAvatar name={user.name} image={user.image} />
            <SignOut action={signOutAction} />
          </div>
        </div>
        <nav aria-label="Main" className="px-2 pb-3">
          {navigation}
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="hidden items-center justify-end gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6 md:flex">
          <UserAvatar name={user.name} image={user.image} />
          <span className="truncate text-sm font-medium" data-testid="header-user-name">
            {user.name ?? user.email ?? "Signed in"}
          </span>
          <SignOut action={signOutAction} />
        </header>
        <main id="main-content" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}

function SignOut({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm whitespace-nowrap hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        Sign out
      </button>
    </form>
  );
}
