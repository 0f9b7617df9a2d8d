import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { randomToken } from "@/lib/crypto/random";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { readActivity } from "./read-activity";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

async function project() {
  const c = await connectedConnection(database.db, emulator);
  const row = await database.db.project.create({
    data: {
      organizationId: c.organization.id, connectionId: c.id, repositoryUuid: `{${randomToken(8)}}`, fullName: "acme/api", workspaceSlug: "acme",
      slug: "api", name: "api", isPrivate: true, hookId: randomToken(16), hookSecretSealed: "unused", events: "repo:push pullrequest:created",
    },
  });
  return { ...c, projectId: row.id };
}

let sequence = 0;
async function delivery(projectId: string, eventKey: string, summary: object, secondsAgo: number) {
  sequence += 1;
  return database.db.webhookDelivery.create({
    data: {
      projectId, requestUuid: `request-${sequence}-${randomToken(6)}`, eventKey, attempt: 1, signatureOk: true, outcome: "processed",
      summary: JSON.stringify(summary), payload: JSON.stringify({ n: sequence }), receivedAt: new Date(Date.now() - secondsAgo * 1000),
    },
  });
}

const push = (branch: string, head: string) => ({ kind: "push", branch, commits: 1, head, message: `on ${branch}`, author: "Alice" });
const pullRequest = (id: number) => ({ kind: "pullrequest", id, title: `PR ${id}`, state: "OPEN", author: "Alice" });

describe("readActivity", () => {
  it("has no last push and an empty log before anything arrived", async () => {
    const p = await project();
    expect(await readActivity(p.access, p.projectId)).toEqual({ lastPush: null, deliveries: [] });
  });

  it("gives the newest push and the log newest first", async () => {
    const p = await project();
    await delivery(p.projectId, "repo:push", push("main", "a".repeat(40)), 30);
    const newest = await delivery(p.projectId, "repo:push", push("feature/x", "b".repeat(40)), 20);
    await delivery(p.projectId, "pullrequest:created", pullRequest(7), 10);

    const activity = await readActivity(p.access, p.projectId);
    expect(activity.deliveries.map((d) => d.eventKey)).toEqual(["pullrequest:created", "repo:push", "repo:push"]);
    expect(activity.lastPush).toMatchObject({ deliveryId: newest.id, branch: "feature/x", head: "b".repeat(40), message: "on feature/x", commits: 1 });
    expect(activity.deliveries[0]!.summary).toMatchObject({ kind: "pullrequest", title: "PR 7" });
  });

  it("finds the last push even when newer deliveries fill the log", async () => {
    const p = await project();
    const older = await delivery(p.projectId, "repo:push", push("main", "c".repeat(40)), 60);
    for (let i = 0; i < 3; i += 1) await delivery(p.projectId, "pullrequest:updated", pullRequest(i + 1), 30 - i);

    const activity = await readActivity(p.access, p.projectId, 2);
    expect(activity.deliveries).toHaveLength(2);
    expect(activity.deliveries.every((d) => d.eventKey === "pullrequest:updated")).toBe(true);
    expect(activity.lastPush).toMatchObject({ deliveryId: older.id, branch: "main" });
  });

  it("is readable by members and hidden from other organizations", async () => {
    const p = await project();
    await delivery(p.projectId, "repo:push", push("main", "d".repeat(40)), 5);
    const member = await orgMember(database.db, "member", p.organization.id);
    expect((await readActivity(member.access, p.projectId)).deliveries).toHaveLength(1);
    const stranger = await orgMember(database.db, "owner");
    await expect(readActivity(stranger.access, p.projectId)).rejects.toMatchObject({ code: "not_found" });
  });
});
