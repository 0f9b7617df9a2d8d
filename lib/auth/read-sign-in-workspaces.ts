import "server-only";
import { db } from "@/lib/db";

export type WorkspaceChoice = { slug: string; name: string; administrator: boolean | null };

/** A person's workspaces as recorded at their last sign-in, and the Bitbucket host they are on. */
export type SignInWorkspaces = { hostUrl: string; workspaces: WorkspaceChoice[] };

/**
 * The signed-in person's own Bitbucket workspaces, to offer where a workspace is asked for:
 * the ones they administer first (only admins add consumers), then by name. Null when none
 * were recorded.
 */
export async function readSignInWorkspaces(userId: string): Promise<SignInWorkspaces | null> {
  const rows = await db().signInWorkspace.findMany({
    where: { userId },
    select: { hostUrl: true, slug: true, name: true, administrator: true },
  });
  const first = rows[0];
  if (!first) return null;
  // One sign-in's list, so one host (recording replaces all of a person's rows).
  const workspaces = rows
    .map(({ slug, name, administrator }) => ({ slug, name, administrator }))
    .sort((a, b) => Number(b.administrator === true) - Number(a.administrator === true) || a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  return { hostUrl: first.hostUrl, workspaces };
}
