"use client";

import Link from "next/link";
import type { MouseEvent } from "react";
import type { OrgRole } from "@/lib/access/roles";
import { RoleBadge } from "./role-badge";

export type SidebarOrganization = { slug: string; name: string; role: OrgRole };

// Layouts stay mounted across client navigation, so close the menu once a choice is made.
function closeMenu(event: MouseEvent<HTMLElement>) {
  event.currentTarget.closest("details")?.removeAttribute("open");
}

/** The current organization, the viewer's role in it, and a menu to switch or go back to all. */
export function OrgSwitcher({ current, organizations }: { current: SidebarOrganization; organizations: SidebarOrganization[] }) {
  const others = organizations.filter((organization) => organization.slug !== current.slug);
  const itemClass = "block rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100";
  return (
    <div className="px-1">
      <Link href="/dashboard" className="inline-block px-2 py-1 text-xs font-medium text-slate-500 hover:text-slate-800">
        ← All organizations
      </Link>
      <details className="relative mt-1">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          <span className="sr-only">Switch organization. Current:</span>
          <span className="min-w-0 flex-1 truncate font-semibold" data-testid="current-organization">
            {current.name}
          </span>
          <RoleBadge role={current.role} />
          <span aria-hidden className="text-slate-400">▾</span>
        </summary>
        <ul className="absolute z-10 mt-1 w-full min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {others.map((organization) => (
            <li key={organization.slug}>
              <Link href={`/orgs/${organization.slug}`} onClick={closeMenu} className={itemClass}>
                {organization.name}
              </Link>
            </li>
          ))}
          <li className={others.length ? "mt-1 border-t border-slate-100 pt-1" : undefined}>
            <Link href="/dashboard#create-organization" onClick={closeMenu} className={itemClass}>
              Create organization
            </Link>
          </li>
        </ul>
      </details>
    </div>
  );
}
