import { apiRoute, parseJsonBody, parseQuery } from "@/lib/api/api-route";
import { createConnectionBody } from "@/lib/api/schemas";
import { createConnection } from "@/lib/connections/create-connection";
import { listConnectionsPage, listQuerySchema } from "@/lib/connections/list-connections-page";
import { getConnection } from "@/lib/connections/read-connections";

/** One page of the organization's connections; `next` is the cursor to the following page. */
export const GET = apiRoute({ permission: "connections.read", name: "vcs.list" }, async (request, _params, access) =>
  Response.json(await listConnectionsPage(access, parseQuery(request, listQuerySchema))),
);

/**
 * Creates a connection. With clientId and clientSecret they are verified against
 * Bitbucket first and nothing is stored if they fail; the answer carries the
 * callbackUrl to register and the connectUrl an admin opens to grant access.
 */
export const POST = apiRoute({ permission: "connections.write", name: "vcs.create" }, async (request, params, access) => {
  const { vcsType: _bitbucketOnly, ...input } = await parseJsonBody(request, createConnectionBody);
  const { id } = await createConnection(access, input);
  const location = `/api/v1/organizations/${encodeURIComponent(params.org)}/vcs/${id}`;
  return Response.json(await getConnection(access, id), { status: 201, headers: { location } });
});
