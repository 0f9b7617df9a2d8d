import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { SidebarNav, type OrgSection } from "@/components/sidebar-nav";
import { requireUser } from "@/lib/auth/session";
import { listOrganizationsForUser } from "@/lib/orgs/list-organizations";
import { signOutAction } from "./actions";

const mainNav = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/settings", label: "Settings" },
];

// The pages of /orgs/{slug}/…, in sidebar order.
const orgSections: OrgSection[] = [
  { path: "integrations", label: "Integrations" },
  { path: "connections", label: "Connections" },
  { path: "projects", label: "Projects" },
  { path: "status", label: "Status" },
  { path: "audit", label: "Audit" },
  { path: "members", label: "Members" },
  { path: "settings", label: "Settings" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  // Only names and roles for the sidebar; each org page checks access itself.
  const organizations = (await listOrganizationsForUser(user.id)).map(({ slug, name, role }) => ({ slug, name, role }));
  return (
    <AppShell
      user={user}
      navigation={<SidebarNav mainNav={mainNav} orgSections={orgSections} organizations={organizations} />}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
