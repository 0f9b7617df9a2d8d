import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole, resolveUserAccess } from "@/lib/access/resolve-access";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import type { OrgRole } from "@/lib/access/roles";
import { guardedRoute, type Authenticate } from "./api-route";

const signedInUser: Authenticate = async (_request, orgSlug) => {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated");
  return resolveUserAccess(user, orgSlug);
};

/** Like apiRoute, for JSON the app's own pages fetch (live status): the browser's session instead of a token. */
export const sessionRoute = <P extends { org: string }>(
  options: { role: OrgRole; name: string },
  handler: (request: Request, params: P, access: OrgAccess) => Promise<Response>,
) => guardedRoute(signedInUser, { name: options.name, authorize: (access) => requireRole(access, options.role) }, handler);

/** The answer of a session route: `{data}`, never cached (failures are `{error}`, from the wrapper). */
export const liveData = (data: unknown) => Response.json({ data }, { headers: { "cache-control": "no-store" } });
