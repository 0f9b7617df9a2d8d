import Link from "next/link";

// Shown for organizations that do not exist and for those the viewer is not in,
// alike, so nobody can tell which organizations exist.
export default function OrganizationNotFound() {
  return (
    <section className="rounded-xl border border-slate-200 bg-white px-6 py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Organization not found</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        There is no such organization, or you are not a member of it. Ask one of its owners or admins to add you.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        See your organizations
      </Link>
    </section>
  );
}
