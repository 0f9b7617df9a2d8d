import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { OrgAccess } from "@/lib/access/actor";
import { resolveUserAccess } from "@/lib/access/resolve-access";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";

/**
 * The signed-in viewer's access to an organization, for its layout and pages.
 * Layouts are not re-run on client navigation, so every org page calls this too;
 * `cache` makes the layout's and the page's calls one lookup per request.
 * Signed-out visitors go to sign-in; non-members get the 404 page, as if the
 * organization did not exist.
 */
export const requireOrgAccess = cache(async (orgSlug: string): Promise<OrgAccess> => {
  const user = await requireUser(`/orgs/${encodeURIComponent(orgSlug)}`);
  try {
    return await resolveUserAccess(user, orgSlug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
