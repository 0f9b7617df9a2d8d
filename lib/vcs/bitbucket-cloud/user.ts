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

/** Slugs of the workspaces the signed-in account belongs to (Account: Read). */
export async function listWorkspaceSlugs(apiUrl: string, accessToken: string): Promise<string[]> {
  const access = await getAllPages(`${apiUrl}/user/workspaces?pagelen=100`, accessToken, workspaceAccessSchema, MAX_WORKSPACE_PAGES);
  return access.map((entry) => entry.workspace.slug);
}
