import "server-only";
import type { Database } from "@/lib/db/client";
import type { BitbucketWorkspace } from "@/lib/vcs/bitbucket-cloud/user";

/**
 * Keeps the workspaces a person belongs to, as Bitbucket listed them at this sign-in on
 * `hostUrl`, in place of the ones recorded before (whatever host those were on).
 */
export async function recordSignInWorkspaces(database: Database, userId: string, hostUrl: string, workspaces: BitbucketWorkspace[] | null): Promise<void> {
  // Unreadable this time (a hiccup, a consumer without Account: Read): the last list beats none.
  if (workspaces === null) return;
  await database.$transaction([
    database.signInWorkspace.deleteMany({ where: { userId } }),
    database.signInWorkspace.createMany({
      data: workspaces.map(({ slug, name, administrator }) => ({ userId, hostUrl, slug, name, administrator })),
    }),
  ]);
}
