import { apiRoute, parseJsonBody } from "@/lib/api/api-route";
import { updateConnectionBody } from "@/lib/api/schemas";
import { updateConnection } from "@/lib/connections/manage-connection";
import { deleteConnection } from "@/lib/workflows/delete-connection";
import { getConnection } from "@/lib/connections/read-connections";

type Params = { org: string; id: string };

export const GET = apiRoute({ permission: "connections.read", name: "vcs.get" }, async (_request, { id }: Params, access) =>
  Response.json(await getConnection(access, id)),
);

/** Renames, and/or replaces the key, secret, Host URL or API URL (always with the secret). */
export const PATCH = apiRoute({ permission: "connections.write", name: "vcs.update" }, async (request, { id }: Params, access) => {
  await updateConnection(access, id, await parseJsonBody(request, updateConnectionBody));
  return Response.json(await getConnection(access, id));
});

/**
 * Deletes the connection and its stored tokens; the consumer on Bitbucket is not touched.
 * While projects use it, `?removeProjects=true` confirms that they (and their hooks) go too.
 */
export const DELETE = apiRoute({ permission: "connections.write", name: "vcs.delete" }, async (request, { id }: Params, access) => {
  const removeProjects = new URL(request.url).searchParams.get("removeProjects") === "true";
  await deleteConnection(access, id, { removeProjects });
  return new Response(null, { status: 204 });
});
