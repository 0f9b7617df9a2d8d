import { apiRoute } from "@/lib/api/api-route";
import { toConnectionStatus } from "@/lib/api/schemas";
import { getConnection } from "@/lib/connections/read-connections";

/** What automation polls after Connect: the state, the account and the scopes. */
export const GET = apiRoute({ permission: "connections.read", name: "vcs.status" }, async (_request, { id }: { org: string; id: string }, access) =>
  Response.json(toConnectionStatus(await getConnection(access, id))),
);
