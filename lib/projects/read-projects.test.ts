import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { randomToken } from "@/lib/crypto/random";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { getProject, listProjects } from "./read-projects";

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
