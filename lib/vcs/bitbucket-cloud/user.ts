import "server-only";
import { getAllPages, getJson, type ApiAuth } from "./api-client";
import { bitbucketEmailSchema, bitbucketUserSchema, workspaceAccessSchema, type BitbucketEmail, type BitbucketUser } from "./schemas";

// A person has a handful of addresses; the cap only guards against an endless `next`.
const MAX_EMAIL_PAGES = 5;
// 100 per page: 1,000 workspaces is far more than one person belongs to.
const MAX_WORKSPACE_PAGES = 10;

export function getCurrentUser(apiUrl: string, accessToken: ApiAuth): Promise<BitbucketUser> {
  return getJson(`${apiUrl}/user`, accessToken, bitbucketUserSchema);
}

export function listEmails(apiUrl: string, accessToken: ApiAuth): Promise<BitbucketEmail[]> {
  return getAllPages(`${apiUrl}/user/emails`, accessToken, bitbucketEmailSchema, MAX_EMAIL_PAGES);
}

/** The address Bitbucket marks primary, only if confirmed: an unconfirmed one proves nothing. */
export function primaryConfirmedEmail(emails: BitbucketEmail[]): string | null {
  return emails.find((e) => e.is_primary && e.is_confirmed)?.email ?? null;
}

/** A workspace the signed-in account belongs to; `administrator` null when Bitbucket does not say. */
export type BitbucketWorkspace = { slug: string; name: string; administrator: boolean | null };

/** The workspaces the signed-in account belongs to (Account: Read), each once. */
export async function listWorkspaces(apiUrl: string, accessToken: string): Promise<BitbucketWorkspace[]> {
  const access = await getAllPages(`${apiUrl}/user/workspaces?pagelen=100`, accessToken, workspaceAccessSchema, MAX_WORKSPACE_PAGES);
  // Pages read while membership changes can repeat an entry.
  const bySlug = new Map(access.map(({ workspace, administrator }) => [workspace.slug, { slug: workspace.slug, name: workspace.name || workspace.slug, administrator: administrator ?? null }]));
  return [...bySlug.values()];
}
