import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { addProjects } from "./add-projects";
import { receiverUrl } from "./register-hook";
import { retryHookRegistration } from "./retry-hook";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

async function hooksFor(url: string) {
  const body = (await (await emulator.control("GET", "/hooks")).json()) as { hooks: { uuid: string; url: string }[] };
  return body.hooks.filter((hook) => hook.url === url);
}

describe("retryHookRegistration", () => {
  it("registers the one hook of a project whose registration failed, and says so", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: ["docs"], events: ["repo:push"] });
    const project = await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } });
    await database.db.project.update({ where: { id: project.id }, data: { hookStatus: "failed", hookErrorCode: "bitbucket_unavailable", hookUuid: null } });

    const view = await retryHookRegistration(c.access, project.id);
    expect(view).toMatchObject({ hookStatus: "registered", hookError: null });
    expect(await hooksFor(receiverUrl(project.hookId))).toHaveLength(1);
  });

  it("keeps the project failed, with the reason, while the consumer lacks Webhooks", async () => {
    const c = await connectedConnection(database.db, emulator, { scopes: ["account", "repository:admin", "repository"] });
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: ["docs"], events: ["repo:push"] });
    expect(outcome!.hook).toBe("failed");
    await expect(retryHookRegistration(c.access, outcome!.projectId!)).rejects.toMatchObject({
      code: "bitbucket_missing_scope",
      message: expect.stringContaining("Webhooks: Read and write"),
    });
    expect(await database.db.project.findUniqueOrThrow({ where: { id: outcome!.projectId! } })).toMatchObject({
      hookStatus: "failed",
      hookErrorCode: "bitbucket_missing_scope",
    });
  });

  it("is for admins of the project's organization", async () => {
    const c = await connectedConnection(database.db, emulator);
    const [outcome] = await addProjects(c.access, { connectionId: c.id, workspace: "acme", repositories: ["sdk-js"], events: ["repo:push"] });
    const member = await orgMember(database.db, "member", c.organization.id);
    await expect(retryHookRegistration(member.access, outcome!.projectId!)).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await orgMember(database.db, "admin");
    await expect(retryHookRegistration(stranger.access, outcome!.projectId!)).rejects.toMatchObject({ code: "not_found" });
  });
});
