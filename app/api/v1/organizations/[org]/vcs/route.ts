import { apiRoute, parseJsonBody } from "@/lib/api/api-route";
import { createConnectionBody } from "@/lib/api/schemas";
import { createConnection } from "@/lib/connections/create-connection";
import { getConnection, listConnections } from "@/lib/connections/read-connections";

/** Every connection of the organization. */
export const GET = apiRoute({ permission: "connections.read", name: "vcs.list" }, async (_request, _params, access) =>
  Response.json({ data: await listConnections(access) }),
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
