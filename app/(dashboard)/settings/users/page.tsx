import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { PageHeader } from "@/components/page-header";
import { UserAvatar } from "@/components/user-avatar";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { requireInstanceOwner } from "@/lib/users/instance-owner";
import { listUsers } from "@/lib/users/manage-users";
import { listInstanceAuditEvents } from "@/lib/audit/record-instance-audit-event";
import { InstanceHistory } from "./instance-history";
import { UserAction } from "./user-actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requireUser("/settings/users");
  await requireInstanceOwner(viewer).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const [users, events] = await Promise.all([listUsers(), listInstanceAuditEvents()]);
  const names = new Map(users.map((user) => [user.id, user.name ?? user.email ?? user.id]));
  return (
    <>
      <PageHeader title="Users" description="Everyone who has signed in here. Only you, the instance owner, see this page." />
      <section aria-labelledby="users-heading" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="users-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
          {users.length === 1 ? "1 user" : `${users.length} users`}
        </h2>
        <ul className="divide-y divide-slate-200" aria-label="Users">
          {users.map((user) => {
            const name = user.name ?? user.email ?? "this user";
            return (
              <li key={user.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3">
                <UserAvatar name={user.name} image={user.image} size={36} />
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium">
                    {user.name ?? "Unnamed Bitbucket user"}
                    {user.isInstanceOwner ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">Instance owner</span> : null}
                    {user.blockedAt ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">Blocked</span> : null}
                  </p>
                  <p className="text-sm break-all text-slate-600">{user.email ?? "No email"}</p>
                  <p className="text-xs text-slate-500">
                    {user.organizations === 1 ? "1 organization" : `${user.organizations} organizations`} · first signed in{" "}
                    <LocalTime iso={user.createdAt.toISOString()} />
                  </p>
                </div>
                {user.isInstanceOwner ? null : (
                  <div className="flex w-full flex-wrap gap-2 sm:w-auto">
                    {user.blockedAt ? (
                      <UserAction userId={user.id} name={name} change="unblock" />
                    ) : (
                      <>
                        <UserAction userId={user.id} name={name} change="make_instance_owner" />
                        <UserAction userId={user.id} name={name} change="block" />
                      </>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <InstanceHistory events={events} names={names} />
    </>
  );
}
