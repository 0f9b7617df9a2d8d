import { describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/organizations/[org]/projects/[id]/deliveries/route";
import * as projectsRoute from "@/app/api/v1/organizations/[org]/projects/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { randomToken } from "@/lib/crypto/random";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { deliveryPageSchema, errorBodySchema, organizationListSchema, projectListSchema } from "./schemas";

const database = useTestDatabase();

const get = (path: string, token?: string) => new Request(`http://localhost:3999/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const context = <P>(params: P) => ({ params: Promise.resolve(params) });

async function body(response: Response) {
  const json = await response.json();
  if (response.status >= 400) errorBodySchema.parse(json);
  return { status: response.status, json };
}

async function orgWithProject() {
  const member = await orgMember(database.db, "member");
  const connection = await database.db.vcsConnection.create({
    data: { organizationId: member.organization.id, name: "Bitbucket", provider: "bitbucket_cloud", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "read_only", requiredScopes: "repository" },
  });
  const project = await database.db.project.create({
    data: {
      organizationId: member.organization.id, connectionId: connection.id, repositoryUuid: `{${randomToken(4)}}`, fullName: "acme/api", workspaceSlug: "acme", slug: "api",
      name: "api", isPrivate: true, hookId: randomToken(16), hookSecretSealed: "SEALED-CANARY", events: "repo:push",
    },
  });
  const { token } = await createApiToken(member.access, { name: "cli" });
  return { ...member, project, token };
}

describe("what the command-line tool lists through the VCS API", () => {
  it("names the organization a token reaches and its role there; refuses a revoked token", async () => {
    const { organization, token, access } = await orgWithProject();
    const listed = await body(await organizationsRoute.GET(get("/organizations", token)));
    expect(listed.status).toBe(200);
    expect(organizationListSchema.parse(listed.json).data).toEqual([{ slug: organization.slug, name: organization.name, role: "member" }]);

    expect((await body(await organizationsRoute.GET(get("/organizations")))).json.error.code).toBe("unauthenticated");
    const tokens = await database.db.apiToken.findMany({ where: { organizationId: organization.id }, select: { id: true } });
    await revokeApiToken(access, tokens[0]!.id);
    expect((await body(await organizationsRoute.GET(get("/organizations", token)))).status).toBe(401);
  });

  it("lists projects to a member, never a hook's secret or receiver path", async () => {
    const { organization, project, token } = await orgWithProject();
    const response = await projectsRoute.GET(get(`/organizations/${organization.slug}/projects`, token), context({ org: organization.slug }));
    const text = await response.clone().text();
    const { status, json } = await body(response);
    expect(status).toBe(200);
    expect(projectListSchema.parse(json).data.map((p) => [p.id, p.fullName, p.connection.name])).toEqual([[project.id, "acme/api", "Bitbucket"]]);
    expect(text).not.toContain("SEALED-CANARY");
    expect(text).not.toContain(project.hookId);
  });

  it("pages through deliveries newest first with an opaque cursor, each exactly once", async () => {
    const { organization, project, token } = await orgWithProject();
    // Five deliveries, two of them at the same instant (ties are broken by id, not lost).
    for (const at of [1_000, 2_000, 3_000, 3_000, 4_000]) {
      await database.db.webhookDelivery.create({
        data: { projectId: project.id, requestUuid: crypto.randomUUID(), eventKey: "repo:push", attempt: 1, signatureOk: true, summary: '{"kind":"other"}', payload: "{}", receivedAt: new Date(at) },
      });
    }
    const page = async (query: string) => {
      const path = `/organizations/${organization.slug}/projects/${project.id}/deliveries${query}`;
      return body(await deliveriesRoute.GET(get(path, token), context({ org: organization.slug, id: project.id })));
    };
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, json } = await page(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(status).toBe(200);
      const parsed = deliveryPageSchema.parse(json);
      seen.push(...parsed.data.map((d) => d.id));
      times.push(...parsed.data.map((d) => d.receivedAt));
      cursor = parsed.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(times).toEqual([...times].sort().reverse());

    const bad = await page("?limit=500");
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("limit");
    expect((await page("?cursor=not-a-cursor")).json.error).toMatchObject({ code: "invalid_input", field: "cursor" });
    const stranger = await orgWithProject();
    const foreign = await deliveriesRoute.GET(get(`/organizations/${stranger.organization.slug}/projects/${project.id}/deliveries`, stranger.token), context({ org: stranger.organization.slug, id: project.id }));
    expect(foreign.status).toBe(404);
  });
});
