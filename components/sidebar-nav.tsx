"use client";

import { useParams } from "next/navigation";
import { NavLinks, type NavItem } from "./nav-links";
import { OrgSwitcher, type SidebarOrganization } from "./org-switcher";

/** One page of an organization, as the last part of `/orgs/{slug}/…`. */
export type OrgSection = { path: string; label: string };

/**
 * Outside an organization: the main navigation. Inside one the viewer belongs to
 * (`/orgs/{slug}/…`): the organization switcher and that organization's pages.
 * The org pages check access themselves; this only chooses which links to show.
 */
export function SidebarNav({
  mainNav,
  orgSections,
  organizations,
}: {
  mainNav: NavItem[];
  orgSections: OrgSection[];
  organizations: SidebarOrganization[];
}) {
  const { org } = useParams<{ org?: string }>();
  const current = organizations.find((organization) => organization.slug === org);
  if (!current) return <NavLinks items={mainNav} />;

  const items = orgSections.map((section) => ({ href: `/orgs/${current.slug}/${section.path}`, label: section.label }));
  return (
    <div className="space-y-3">
      <OrgSwitcher current={current} organizations={organizations} />
      <NavLinks items={items} />
    </div>
  );
}
