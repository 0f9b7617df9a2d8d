import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";

const nav = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/integrations", label: "Integrations" },
  { href: "/connections", label: "Connections" },
  { href: "/projects", label: "Projects" },
  { href: "/status", label: "Status" },
  { href: "/settings", label: "Settings" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  return (
    <AppShell user={user} nav={nav} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
