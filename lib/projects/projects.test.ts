import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as receive } from "@/app/api/webhooks/bitbucket/[hookId]/route";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { deleteConnection } from "@/lib/workflows/delete-connection";
import { addProjects } from "./add-projects";
import { browseRepositories, browseWorkspaces } from "./browse";
import { listDeliveries } from "./read-projects";
import { receiverUrl, registerHook } from "./register-hook";
import { removeProject } from "./remove-project";
import { DEFAULT_EVENTS } from "./schemas";

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void task(),
}));

const database = useTestDatabase();
let emulator: TestEmulator;
let receiver: Server;
beforeAll(async () => {
  emulator = await start();
  await emulator.control("PUT", "/settings", { webhookRetryDelayMs: 50, webhookTimeoutMs: 2_000 });
  // The app's receiver route behind APP_URL (http://localhost:3999 in tests), so the emulator delivers to it for real.
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hookId = req.url!.split("/").pop()!;
    const response = await receive(
      new Request(`http://localhost:3999${req.url}`, { method: "POST", body: Buffer.concat(chunks), headers: req.headers as Record<string, string> }),
      { params: Promise.resolve({ hookId }) },
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => receiver.listen(3999, "127.0.0.1", resolve));
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

type EmulatorHook = { uuid: string; url: string; events: string[]; repository?: string };
async function hooksFor(url: string) {
  const body = (await (await emulator.control("GET", "/hooks")).json()) as { hooks: EmulatorHook[] };
  return body.hooks.filter((hook) => hook.url === url);
}

describe("browsing", () => {
  it("lists the account's workspaces and pages through a large one on the server", async () => {
    const c = await connectedConnection(database.db, emulator);
    expect((await browseWorkspaces(c.access, c.id)).map((w) => w.slug).sort()).toEqual(["acme", "bigco"]);

    const first = await browseRepositories(c.access, { connectionId: c.id, workspace: "bigco", sort: "name", page: 1 });
    const second = await browseRepositories(c.access, { connectionId: c.id, workspace: "bigco", sort: "name", page: 2 });
    expect(first.repositories).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(first.total).toBe(1500);
    expect(second.repositories[0]!.name > first.repositories[24]!.name).toBe(true);
  });

  it("searches with Bitbucket's filter, quotes included", async () => {
    const c = await connectedConnection(database.db, emulator);
    const all = await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 });
    const term = all.repositories[0]!.name.slice(0, 4);
    const found = await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", search: term, sort: "name", page: 1 });
    expect(found.repositories.length).toBeGreaterThan(0);
    expect(found.repositories.every((r) => r.name.toLowerCase().includes(term.toLowerCase()))).toBe(true);
    const none = await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", search: 'no "such" repo', sort: "name", page: 1 });
    expect(none.repositories).toEqual([]);
  });

  it("marks which repositories the account administers, since only admins can add webhooks", async () => {
    const c = await connectedConnection(database.db, emulator);
    // alice is an admin in acme and only a member in bigco.
    const acme = await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 });
    const bigco = await browseRepositories(c.access, { connectionId: c.id, workspace: "bigco", sort: "name", page: 1 });
    expect(acme.repositories.length).toBeGreaterThan(0);
    expect(acme.repositories.every((r) => r.canAdminister)).toBe(true);
    expect(bigco.repositories.length).toBe(25);
    expect(bigco.repositories.some((r) => r.canAdminister)).toBe(false);
  });
});

describe("projects and their webhooks", () => {
  it("adds repositories as projects with one registered hook each, and receives a signed push", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 })).repositories;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: DEFAULT_EVENTS });
    expect(outcome).toMatchObject({ hook: "registered", error: null });

    const project = await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } });
    const [hook, ...others] = await hooksFor(receiverUrl(project.hookId));
    expect(others).toEqual([]);
    expect(hook!.events.sort()).toEqual([...DEFAULT_EVENTS].sort());

    await emulator.control("POST", `/repositories/acme/${repo!.slug}/push`, { branch: "main", commits: 2, message: "Ship it" });
    await vi.waitFor(async () => expect(await listDeliveries(c.access, project.id)).toHaveLength(1), { timeout: 5_000 });
    const [delivery] = await listDeliveries(c.access, project.id);
    expect(delivery).toMatchObject({ eventKey: "repo:push", attempt: 1, signatureOk: true, summary: { kind: "push", branch: "main", commits: 2 } });
    expect(delivery!.summary).toMatchObject({ message: expect.stringContaining("Ship it"), head: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it("registers exactly one hook when retried after a crash between creating it and saving it", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "-updated_on", page: 1 })).repositories;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: ["repo:push"] });
    const project = await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } });
    // The crash: Bitbucket created the hook, but its uuid was never saved here.
    await database.db.project.update({ where: { id: project.id }, data: { hookUuid: null, hookStatus: "pending" } });

    await registerHook(project.id);

    const hooks = await hooksFor(receiverUrl(project.hookId));
    expect(hooks).toHaveLength(1);
    expect((await database.db.project.findUniqueOrThrow({ where: { id: project.id } })).hookUuid).toBe(hooks[0]!.uuid);
  });

  it("removes the hook on Bitbucket when the project is removed", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "-updated_on", page: 1 })).repositories;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: ["repo:push"] });
    const project = await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } });
    expect(await hooksFor(receiverUrl(project.hookId))).toHaveLength(1);

    await removeProject(c.access, project.id);
    expect(await hooksFor(receiverUrl(project.hookId))).toHaveLength(0);
    expect(await database.db.project.count({ where: { id: project.id } })).toBe(0);
  });

  it("names the Bitbucket checkbox to add when the consumer lacks Webhooks", async () => {
    const c = await connectedConnection(database.db, emulator, { scopes: ["account", "repository:admin", "repository"] });
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 })).repositories;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: ["repo:push"] });
    expect(outcome).toMatchObject({ hook: "failed", error: { code: "bitbucket_missing_scope" } });
    expect(outcome!.error!.message).toContain("Webhooks: Read and write");
  });
});

describe("deleting a connection that projects use", () => {
  it("is refused until the admin confirms, then removes the projects and their hooks", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 })).repositories;
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: ["repo:push"] });
    const project = await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } });

    await expect(deleteConnection(c.access, c.id)).rejects.toMatchObject({ code: "connection_in_use" });
    expect(await database.db.vcsConnection.count({ where: { id: c.id } })).toBe(1);

    expect(await deleteConnection(c.access, c.id, { removeProjects: true })).toEqual({ projectsRemoved: 1, hooksLeft: [] });
    expect(await hooksFor(receiverUrl(project.hookId))).toHaveLength(0);
    expect(await database.db.project.count({ where: { connectionId: c.id } })).toBe(0);
  });

  it("still deletes when Bitbucket no longer answers for the connection, naming the hooks left behind", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [repo] = (await browseRepositories(c.access, { connectionId: c.id, workspace: "acme", sort: "name", page: 1 })).repositories;
    await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: [repo!.slug], events: ["repo:push"] });
    await emulator.control("POST", "/grants/revoke", { consumerKey: c.consumer.key });
    await database.db.vcsGrant.update({ where: { connectionId: c.id }, data: { expiresAt: new Date(0) } });

    expect(await deleteConnection(c.access, c.id, { removeProjects: true })).toEqual({ projectsRemoved: 1, hooksLeft: [repo!.fullName] });
    expect(await database.db.vcsConnection.count({ where: { id: c.id } })).toBe(0);
  });
});
