import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as browseRoute } from "@/app/api/orgs/[org]/projects/browse/route";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import type { SignedInUser } from "@/lib/auth/session";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { addProjects } from "./add-projects";
import { browseConnection } from "./browse-connection";

// The route reads the browser session; here the signed-in user is whoever the test says.
const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
beforeEach(() => {
  session.user = null;
});

const signedIn = (user: { id: string; name: string | null; email: string | null }): SignedInUser => ({ ...user, image: null, role: "member" });

async function callRoute(org: string, query: Record<string, string>) {
  const request = new Request(`http://localhost:3999/api/orgs/${org}/projects/browse?${new URLSearchParams(query)}`);
  const response = await browseRoute(request, { params: Promise.resolve({ org }) });
  return { status: response.status, body: (await response.json()) as { data?: any; error?: { code: string; message: string; field?: string } } };
}

describe("browseConnection", () => {
  it("lists workspaces without a workspace, and one page of repositories with one", async () => {
    const c = await connectedConnection(database.db, emulator);
    const workspaces = await browseConnection(c.access, { connectionId: c.id, sort: "name", page: 1 });
    expect(workspaces.kind).toBe("workspaces");
    if (workspaces.kind !== "workspaces") return;
    expect(workspaces.workspaces.map((w) => w.slug).sort()).toEqual(["acme", "bigco"]);

    const page3 = await browseConnection(c.access, { connectionId: c.id, workspace: "bigco", sort: "name", page: 3 });
    expect(page3).toMatchObject({ kind: "repositories", page: 3, pageSize: 25, total: 1500, hasNext: true });
  });

  it("marks repositories that are projects already", async () => {
    const c = await connectedConnection(database.db, emulator);
    const first = await browseConnection(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 });
    if (first.kind !== "repositories") throw new Error("expected repositories");
    const repo = first.repositories[0]!;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo.slug], events: ["repo:push"] });
    const again = await browseConnection(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 });
    if (again.kind !== "repositories") throw new Error("expected repositories");
    expect(again.repositories.find((r) => r.uuid === repo.uuid)?.projectId).toBe(outcome!.projectId);
    expect(again.repositories.filter((r) => r.projectId !== null)).toHaveLength(1);
  });

  it("is for owners and admins only, and only on the organization's own connections", async () => {
    const c = await connectedConnection(database.db, emulator);
    const member = await orgMember(database.db, "member", c.organization.id);
    await expect(browseConnection(member.access, { connectionId: c.id, sort: "name", page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await orgMember(database.db, "admin");
    await expect(browseConnection(stranger.access, { connectionId: c.id, sort: "name", page: 1 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("GET /api/orgs/{org}/projects/browse", () => {
  it("answers a signed-in admin with the page asked for", async () => {
    const c = await connectedConnection(database.db, emulator);
    session.user = signedIn(c.user);
    const { status, body } = await callRoute(c.organization.slug, { connectionId: c.id, workspace: "bigco", search: "lumen-web", sort: "name", page: "1" });
    expect(status).toBe(200);
    expect(body.data.kind).toBe("repositories");
    expect(body.data.repositories.length).toBeGreaterThan(0);
    expect(body.data.repositories.every((r: { name: string }) => r.name.includes("lumen-web"))).toBe(true);
  });

  it("refuses the signed-out, members, and invalid queries with a code", async () => {
    const c = await connectedConnection(database.db, emulator);
    expect((await callRoute(c.organization.slug, { connectionId: c.id })).status).toBe(401);

    const member = await orgMember(database.db, "member", c.organization.id);
    session.user = signedIn(member.user);
    const forbidden = await callRoute(c.organization.slug, { connectionId: c.id });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });

    session.user = signedIn(c.user);
    const invalid = await callRoute(c.organization.slug, { connectionId: c.id, workspace: "acme", sort: "size", page: "1" });
    expect(invalid).toMatchObject({ status: 422, body: { error: { code: "invalid_input", field: "sort" } } });
    const badPage = await callRoute(c.organization.slug, { connectionId: c.id, workspace: "acme", page: "0" });
    expect(badPage).toMatchObject({ status: 422, body: { error: { field: "page" } } });
  });

  it("reports Bitbucket's refusal as a code, message and hint", async () => {
    const c = await connectedConnection(database.db, emulator);
    session.user = signedIn(c.user);
    const { status, body } = await callRoute(c.organization.slug, { connectionId: c.id, workspace: "no-such-workspace" });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "bitbucket_not_found" });
  });
});
