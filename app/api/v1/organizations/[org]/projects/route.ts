import { apiRoute } from "@/lib/api/api-route";
import { listProjects } from "@/lib/projects/read-projects";

/** The organization's projects (repositories with a webhook), by full name. */
export const GET = apiRoute({ permission: "connections.read", name: "projects.list" }, async (_request, _params, access) =>
  Response.json({ data: await listProjects(access) }),
);
