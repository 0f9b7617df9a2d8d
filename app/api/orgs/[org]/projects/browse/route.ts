import { jsonError } from "@/lib/api/api-route";
import { sessionRoute } from "@/lib/api/session-route";
import { validationFailure } from "@/lib/errors/to-failure";
import { browseConnection } from "@/lib/projects/browse-connection";
import { browseInput } from "@/lib/projects/schemas";

/** The "Add projects" page's browsing: a connection's workspaces, or one page of a workspace's repositories. */
export const GET = sessionRoute({ role: "admin", name: "projects browse" }, async (request, _params, access) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = browseInput.safeParse(query);
  if (!parsed.success) return jsonError(422, validationFailure(parsed.error));
  return Response.json({ data: await browseConnection(access, parsed.data) }, { headers: { "cache-control": "no-store" } });
});
