import type { OrgRole } from "@/lib/access/roles";
import type { ApiScope } from "./permissions";

/** Who is acting, as recorded in audit events. */
export type Actor =
  | { type: "user"; userId: string; label: string }
  | { type: "api_token"; userId: string; tokenId: string; label: string }
  | { type: "system"; label: "system" };

export type OrgRef = { id: string; slug: string; name: string };

/** What an API token was limited to at creation; a session has no limits beyond its role. */
export type AccessLimits = { scopes: ApiScope[]; connectionIds: string[] | null };

/** A caller's standing in one organization, established on the server for each request. */
export type OrgAccess = { organization: OrgRef; role: OrgRole; actor: Actor & { userId: string }; limits?: AccessLimits };
