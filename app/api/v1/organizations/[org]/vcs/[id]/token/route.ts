import { apiRoute } from "@/lib/api/api-route";
import { issueAccessToken } from "@/lib/connections/issue-access-token";

/**
 * A currently valid Bitbucket access token for another service (scope connections:use),
 * or the connection's status and the fix. Never cached by anything in between.
 */
export const POST = apiRoute({ permission: "connections.use", name: "vcs.token" }, async (_request, { id }: { org: string; id: string }, access) =>
  Response.json({ data: await issueAccessToken(access, id) }, { headers: { "cache-control": "no-store" } }),
);
