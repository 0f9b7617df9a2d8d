import { notFound } from "next/navigation";
import { LiveStatusBoard } from "@/components/live-status-board";
import { organizationByStatusToken } from "@/lib/health/public-status";
import { organizationStatus } from "@/lib/health/organization-status";

export const metadata = { title: "Status", robots: { index: false } };

/** An organization's public, read-only status page; exists only while an admin keeps it on. */
export default async function PublicStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const organization = await organizationByStatusToken(token);
  if (!organization) notFound();
  const rows = await organizationStatus(organization.id);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{organization.name}: connection status</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Bitbucket connections and how they have done over the last day and week.</p>
      {rows.length === 0 ? <p className="text-sm text-slate-600">No connections yet.</p> : <LiveStatusBoard endpoint={`/api/public-status/${token}`} initial={rows} />}
    </main>
  );
}
