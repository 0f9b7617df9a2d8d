import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/test/alert-receivers";
import { orgMember } from "@/test/org-fixtures";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { enqueueAlert } from "./enqueue-alert";
import { addDestination } from "./manage-destinations";

const database = useTestDatabase();
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  hooks = await startWebhookReceiver();
});
afterAll(() => hooks.close());

describe("several instances sending", () => {
  it("sends each alert once when three processes drain the same queue", async () => {
    const admin = await orgMember(database.db, "admin");
    await addDestination(admin.access, { kind: "webhook", format: "json", url: `${hooks.url}/hook` });
    for (let i = 0; i < 40; i++) {
      await enqueueAlert(database.db, admin.organization.id, null, { kind: "test", dedupeKey: `many:${i}`, title: `Alert ${i}`, happened: "x", fix: null, severity: "info", path: "/" });
    }
    const env = { DATABASE_URL: database.url };
    const outputs = await Promise.all([1, 2, 3].map(() => runWorker("test/workers/deliver-alerts.ts", [], env)));

    const perProcess = outputs.map((o) => (JSON.parse(o) as { sent: number }).sent);
    expect(perProcess.reduce((a, b) => a + b, 0)).toBe(40);
    const titles = hooks.received.map((r) => (JSON.parse(r.body) as { title: string }).title);
    expect(titles).toHaveLength(40);
    expect(new Set(titles).size).toBe(40);
    expect(await database.db.alertDelivery.count({ where: { state: "sent" } })).toBe(40);
  }, 60_000);
});
