import { tokenRoute } from "@/lib/api/api-route";
import { resolveTokenOrganizations } from "@/lib/access/resolve-access";

/** The organizations the caller's token reaches, with the role it acts with in each. */
export const GET = tokenRoute({ name: "organizations.list" }, async (_request, token) => {
  const accesses = await resolveTokenOrganizations(token);
  return Response.json({ data: accesses.map(({ organization, role }) => ({ slug: organization.slug, name: organization.name, role })) });
});
