import { beforeEach, describe, expect, it } from "vitest";
import type { OrgAccess } from "@/lib/access/actor";
import { addSubscription } from "@/lib/forwarding/add-subscription";
import { signBody } from "@/lib/webhooks/signature";
import { orgMember } from "@/test/org-fixtures";
import { startProcess, type ChildProcessHandle } from "@/test/processes";
import { readmeVerifier } from "@/test/readme-snippet";
import { startSubscriber } from "@/test/subscriber-server";
import { useTestDatabase } from "@/test/use-test-database";
import { deliverToRoute, pushPayload, webhookProject } from "@/test/webhook-project";

const database = useTestDatabase();
let admin: OrgAccess;
beforeEach(async () => {
  admin ??= (await orgMember(database.db, "admin")).access;
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the outbox across processes", () => {
  it("two worker processes on one database make each attempt exactly once", { timeout: 150_000 }, async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    // Every delivery's first attempt fails, the second succeeds: retries are shared out too.
    // No answer goes out until more requests are open at once than one worker has slots
    // (8), so both processes are certainly sending at the same time, however busy the machine.
    const seen = new Map<string, number>();
    let open = 0;
    let releaseGate = () => {};
    const gate = new Promise<void>((resolve) => (releaseGate = resolve));
    setTimeout(() => releaseGate(), 30_000).unref();
    const service = await startSubscriber(async (request) => {
      const id = String(request.headers["x-vcs-connect-delivery"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const first = seen.get(id) === 1;
      open += 1;
      if (open > 8) releaseGate();
      await gate;
      open -= 1;
      return first ? 500 : 204;
    });
    try {
      const subscription = await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: service.url, events: ["repo:push"] });
      const count = 30;
      for (let i = 0; i < count; i++) expect((await deliverToRoute(target, pushPayload(`branch-${i}`))).status).toBe(202);

      const env = { DATABASE_URL: database.url, OUTBOX_RETRY_BASE_SECONDS: "0.05" };
      const workers = [startProcess("test/workers/drain-outbox.ts", env), startProcess("test/workers/drain-outbox.ts", env)];
      await Promise.all(workers.map((worker) => worker.line(/^ready /)));
      for (const worker of workers) worker.send("go\n");
      await Promise.all(workers.map((worker) => worker.line(/^done /, 100_000)));
      await Promise.all(workers.map((worker) => worker.kill("SIGTERM")));

      expect(service.requests).toHaveLength(count * 2);
      const byDelivery = new Map<string, string[]>();
      for (const request of service.requests) {
        const id = String(request.headers["x-vcs-connect-delivery"]);
        byDelivery.set(id, [...(byDelivery.get(id) ?? []), String(request.headers["x-vcs-connect-attempt"])]);
      }
      expect(byDelivery.size).toBe(count);
      for (const attempts of byDelivery.values()) expect(attempts.sort()).toEqual(["1", "2"]);

      const attempts = await database.db.forwardAttempt.findMany({ where: { subscriptionId: subscription.id } });
      expect(attempts).toHaveLength(count * 2);
      expect(new Set(attempts.map((a) => a.worker)).size).toBe(2);
      expect(open).toBe(0);
      const messages = await database.db.outboxMessage.findMany({ where: { delivery: { projectId: target.project.id } } });
      expect(messages.filter((m) => m.kind === "process").map((m) => [m.status, m.attempts])).toEqual(Array(count).fill(["done", 1]));
      expect(messages.filter((m) => m.kind === "forward").map((m) => [m.status, m.attempts])).toEqual(Array(count).fill(["done", 2]));
      expect(await database.db.webhookDelivery.count({ where: { projectId: target.project.id, outcome: "processed" } })).toBe(count);
    } finally {
      await service.close();
    }
  });

  it("a delivery stored before the app process is killed is processed and forwarded after a restart", { timeout: 90_000 }, async () => {
    const verify = await readmeVerifier();
    const target = await webhookProject(database.db, admin.organization.id);
    const service = await startSubscriber();
    let app: ChildProcessHandle | undefined;
    try {
      const subscription = await addSubscription(admin, { projectId: target.project.id, scope: "organization", targetUrl: service.url, events: ["repo:push"] });
      const env = { DATABASE_URL: database.url, OUTBOX_POLL_SECONDS: "0.2", HEALTH_SWEEP_INTERVAL_SECONDS: "86400" };

      // The first process runs without its worker, so the kill lands exactly after the
      // delivery was stored and answered and before anything processed it.
      app = startProcess("test/workers/app-server.ts", { ...env, OUTBOX_WORKER: "false" });
      const port = (await app.line(/^listening \d+/)).split(" ")[1];
      const body = pushPayload("hotfix");
      const response = await fetch(`http://127.0.0.1:${port}/api/webhooks/bitbucket/${target.hookId}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-request-uuid": crypto.randomUUID(), "x-attempt-number": "1", "x-hub-signature": signBody(target.hookSecret, new TextEncoder().encode(body)) },
      });
      expect(response.status).toBe(202);
      await app.kill("SIGKILL");
      const stored = await database.db.webhookDelivery.findFirstOrThrow({ where: { projectId: target.project.id }, include: { outboxMessages: true } });
      expect(stored.outcome).toBe("received");
      expect(stored.outboxMessages.map((m) => m.status)).toEqual(["pending"]);

      app = startProcess("test/workers/app-server.ts", env);
      await app.line(/^listening \d+/);
      await until(() => service.requests.length === 1);
      const [forwarded] = service.requests;
      expect(forwarded!.body.toString()).toBe(body);
      expect(verify(subscription.secret, forwarded!.body, forwarded!.headers["x-vcs-connect-signature"] as string)).toBe(true);
      await until(async () => (await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: stored.id } })).outcome === "processed");
      expect((await database.db.project.findUniqueOrThrow({ where: { id: target.project.id } })).lastPushAt).not.toBeNull();
    } finally {
      await app?.kill("SIGKILL");
      await service.close();
    }
  });
});

