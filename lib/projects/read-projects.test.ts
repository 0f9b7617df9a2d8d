import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { randomToken } from "@/lib/crypto/random";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { getProject, listConnectionDeliveries, listProjects } from "./read-projects";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

describe("project views", () => {
  it("carry what the pages show, never the hook's secret or receiver path, and only within the organization", async () => {
    const c = await connectedConnection(database.db, emulator);
    const row = await database.db.project.create({
      data: {
        organizationId: c.organization.id, connectionId: c.id, repositoryUuid: "{view}", fullName: "acme/docs", workspaceSlug: "acme", slug: "docs",
        name: "docs", isPrivate: false, mainBranch: "main", htmlUrl: "https://bitbucket.example/acme/docs", cloneHttpsUrl: "https://x/acme/docs.git",
        cloneSshUrl: "git@x:acme/docs.git", hookId: randomToken(16), hookSecretSealed: "SEALED-CANARY", events: "repo:push",
      },
    });

    const view = await getProject(c.access, row.id);
    expect(view).toMatchObject({ fullName: "acme/docs", isPrivate: false, hookStatus: "pending", connection: { id: c.id, name: "Bitbucket" }, events: ["repo:push"] });
    expect(JSON.stringify(view)).not.toContain("SEALED-CANARY");
    expect(JSON.stringify(view)).not.toContain(row.hookId);

    expect((await listProjects(c.access)).map((p) => p.id)).toEqual([row.id]);
    const stranger = await orgMember(database.db, "admin");
    await expect(getProject(stranger.access, row.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listProjects(stranger.access)).toEqual([]);
  });
});

describe("the connection's delivery log", () => {
  it("lists deliveries to its projects only, newest first, each with its project", async () => {
    const c = await connectedConnection(database.db, emulator);
    const other = await connectedConnection(database.db, emulator);
    const project = (connectionId: string, organizationId: string, name: string) =>
      database.db.project.create({
        data: { organizationId, connectionId, repositoryUuid: `{${name}}`, fullName: `acme/${name}`, workspaceSlug: "acme", slug: name, name, isPrivate: true, hookId: randomToken(16), hookSecretSealed: "x", events: "repo:push" },
      });
    const mine = await project(c.id, c.organization.id, "mine");
    const theirs = await project(other.id, other.organization.id, "theirs");
    const delivery = (projectId: string, at: number) =>
      database.db.webhookDelivery.create({ data: { projectId, requestUuid: crypto.randomUUID(), eventKey: "repo:push", attempt: 1, signatureOk: true, summary: '{"kind":"other"}', payload: "{}", receivedAt: new Date(at) } });
    await delivery(mine.id, 1_000);
    await delivery(mine.id, 2_000);
    await delivery(theirs.id, 3_000);

    const log = await listConnectionDeliveries(c.access, c.id);
    expect(log.map((d) => [d.project.fullName, d.receivedAt])).toEqual([
      ["acme/mine", new Date(2_000).toISOString()],
      ["acme/mine", new Date(1_000).toISOString()],
    ]);
    expect(await listConnectionDeliveries(other.access, c.id)).toEqual([]);
  });
});
