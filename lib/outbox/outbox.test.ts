import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OrgAccess } from "@/lib/access/actor";
import { addSubscription } from "@/lib/forwarding/add-subscription";
import { redeliver } from "@/lib/forwarding/redeliver";
import { removeSubscription } from "@/lib/forwarding/remove-subscription";
import { databaseText } from "@/test/database";
import { orgMember } from "@/test/org-fixtures";
import { readmeVerifier } from "@/test/readme-snippet";
import { startSubscriber, unreachableUrl } from "@/test/subscriber-server";
import { useTestDatabase } from "@/test/use-test-database";
import { deliverToRoute, pushPayload, webhookProject } from "@/test/webhook-project";
import { retryDelayMs } from "./backoff";
import { outboxOptions, type OutboxOptions } from "./options";
import { OutboxRunner, runOutbox } from "./run-outbox";
import { signRequest } from "./sign-request";

const database = useTestDatabase();
const fast = (overrides: Partial<OutboxOptions> = {}) => outboxOptions({ retryBaseMs: 1, failureThreshold: 3, ...overrides });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function subscriber(...args: Parameters<typeof startSubscriber>) {
  const server = await startSubscriber(...args);
  closers.push(server.close);
  return server;
}

async function until(check: () => Promise<boolean>, poke: () => Promise<void> = async () => undefined, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await poke();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let admin: OrgAccess;
let member: OrgAccess;
beforeEach(async () => {
  if (admin) return;
  admin = (await orgMember(database.db, "admin")).access;
  member = (await orgMember(database.db, "member", admin.organization.id)).access;
});

describe("forwarding webhook deliveries to subscriptions", { timeout: 60_000 }, () => {
  it("forwards each delivery to every subscription that wants its event, and every request verifies with the README's snippet", async () => {
    const verify = await readmeVerifier();
    const target = await webhookProject(database.db, admin.organization.id);
    const other = await webhookProject(database.db, admin.organization.id);
    const everyPush = await subscriber();
    const pullRequests = await subscriber();
    const otherProject = await subscriber();
    const orgWide = await addSubscription(admin, { projectId: target.project.id, scope: "organization", targetUrl: everyPush.url, events: ["repo:push"] });
    const projectOnly = await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: pullRequests.url, events: ["pullrequest:created"] });
    await addSubscription(admin, { projectId: other.project.id, scope: "project", targetUrl: otherProject.url, events: ["repo:push", "pullrequest:created"] });

    const push = pushPayload("release");
    const pullRequest = JSON.stringify({ actor: { display_name: "Bob" }, pullrequest: { id: 7, title: "Add the outbox", state: "OPEN" } });
    expect((await deliverToRoute(target, push)).status).toBe(202);
    expect((await deliverToRoute(target, pullRequest, "pullrequest:created")).status).toBe(202);
    expect((await deliverToRoute(other, pushPayload("other"))).status).toBe(202);
    await runOutbox(fast());

    expect(everyPush.requests.map((r) => r.body.toString())).toEqual(expect.arrayContaining([push, pushPayload("other")]));
    expect(everyPush.requests).toHaveLength(2);
    expect(pullRequests.requests.map((r) => r.body.toString())).toEqual([pullRequest]);
    expect(otherProject.requests.map((r) => r.body.toString())).toEqual([pushPayload("other")]);
    for (const [server, secret] of [[everyPush, orgWide.secret], [pullRequests, projectOnly.secret]] as const) {
      for (const request of server.requests) {
        expect(verify(secret, request.body, request.headers["x-vcs-connect-signature"] as string)).toBe(true);
        expect(verify(secret, Buffer.concat([request.body, Buffer.from(" ")]), request.headers["x-vcs-connect-signature"] as string)).toBe(false);
        expect(verify(`${secret}x`, request.body, request.headers["x-vcs-connect-signature"] as string)).toBe(false);
      }
    }
    const [first] = pullRequests.requests;
    expect(first!.headers).toMatchObject({ "x-vcs-connect-event": "pullrequest:created", "x-vcs-connect-attempt": "1", "x-vcs-connect-project": target.project.fullName });
    // A request signed ten minutes ago (a replay) does not verify, even with the right secret.
    const old = Math.floor(Date.now() / 1000) - 600;
    expect(verify(projectOnly.secret, first!.body, signRequest(projectOnly.secret, first!.body.toString(), old))).toBe(false);

    const attempts = await database.db.forwardAttempt.findMany({ where: { subscriptionId: orgWide.id } });
    expect(attempts).toHaveLength(2);
    expect(attempts.every((attempt) => attempt.ok && attempt.statusCode === 204 && attempt.latencyMs >= 0)).toBe(true);
    const processed = await database.db.webhookDelivery.findMany({ where: { projectId: target.project.id } });
    expect(processed.map((d) => d.outcome)).toEqual(["processed", "processed"]);
    // The secret is stored sealed only.
    expect(await databaseText(database.url)).not.toContain(orgWide.secret);
  });

  it("retries a failing subscriber with back-off, records every attempt, marks it failing after repeated failures and active after a success", async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    let up = false;
    const flaky = await subscriber(() => (up ? 200 : 503));
    const subscription = await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: flaky.url, events: ["repo:push"] });
    await deliverToRoute(target, pushPayload());
    const runner = new OutboxRunner(fast());
    await until(async () => (await database.db.forwardAttempt.count({ where: { subscriptionId: subscription.id } })) >= 3, () => runner.drain());
    expect((await database.db.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe("failing");
    // Turning failing tells the organization, once.
    const alerts = await database.db.alert.findMany({ where: { organizationId: admin.organization.id, kind: "webhook_failing" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.dedupeKey).toContain(target.project.id);
    up = true;
    await until(async () => (await database.db.outboxMessage.findFirst({ where: { subscriptionId: subscription.id } }))?.status === "done", () => runner.drain());

    const attempts = await database.db.forwardAttempt.findMany({ where: { subscriptionId: subscription.id }, orderBy: { number: "asc" } });
    const failures = attempts.slice(0, -1);
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.every((a) => a.statusCode === 503 && a.errorCode === "subscriber_rejected" && !a.ok)).toBe(true);
    expect(attempts.at(-1)).toMatchObject({ ok: true, statusCode: 200, errorCode: null });
    expect(attempts.map((a) => a.number)).toEqual(attempts.map((_a, i) => i + 1));
    expect(flaky.requests.map((r) => r.headers["x-vcs-connect-attempt"])).toEqual(attempts.map((a) => String(a.number)));
    // Each retry waited longer than the one before (back-off), jitter notwithstanding.
    const gaps = attempts.slice(1).map((a, i) => a.createdAt.getTime() - attempts[i]!.createdAt.getTime());
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(2 ** (gaps.length - 2) / 2);
    expect(new Set(flaky.requests.map((r) => r.headers["x-vcs-connect-delivery"])).size).toBe(1);
    expect(await database.db.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ status: "active", consecutiveFailures: 0 });
    const audit = await database.db.auditEvent.findMany({ where: { targetId: subscription.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["webhook_subscription.created", "webhook_subscription.failing", "webhook_subscription.recovered"]);
  });

  it("backs off exponentially, with jitter, up to an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 10_000, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(3, 10_000, () => 0)).toBe(20_000);
    expect(retryDelayMs(30, 10_000, () => 1)).toBe(3_600_000);
  });

  it("retries a subscription to an unreachable host and marks it failing, without slowing the receiver or processing", async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    const hanging = await subscriber(() => "hang");
    const dead = await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: await unreachableUrl(), events: ["repo:push"] });
    await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: hanging.url, events: ["repo:push"] });
    const runner = new OutboxRunner(fast({ retryBaseMs: 5 }));

    expect((await deliverToRoute(target, pushPayload("one"))).status).toBe(202);
    await until(async () => (await database.db.webhookSubscription.findUniqueOrThrow({ where: { id: dead.id } })).status === "failing", () => runner.fill());
    await until(async () => hanging.requests.length === 1, () => runner.fill());

    // A forward hangs on one subscriber and the other fails over and over, yet the receiver
    // answers at once and the next delivery is processed while that request is still open.
    expect((await deliverToRoute(target, pushPayload("two"))).status).toBe(202);
    await until(async () => (await database.db.webhookDelivery.count({ where: { projectId: target.project.id, outcome: "processed" } })) === 2, () => runner.fill());
    expect(hanging.hanging.every((response) => !response.writableEnded)).toBe(true);

    const attempts = await database.db.forwardAttempt.findMany({ where: { subscriptionId: dead.id } });
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(attempts.map((a) => a.errorCode))).toEqual(new Set(["host_unreachable"]));
    const pending = await database.db.outboxMessage.findMany({ where: { subscriptionId: dead.id } });
    expect(pending.every((message) => message.status === "pending" && message.nextAttemptAt > new Date(Date.now() - 1000))).toBe(true);
  });

  it("gives up once the retry window has passed, and an admin can redeliver", async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    let up = false;
    const service = await subscriber(() => (up ? 204 : 500));
    const subscription = await addSubscription(admin, { projectId: target.project.id, scope: "project", targetUrl: service.url, events: ["repo:push"] });
    await deliverToRoute(target, pushPayload());
    const runner = new OutboxRunner(fast({ retryWindowMs: 30 }));
    await until(async () => (await database.db.outboxMessage.findFirst({ where: { subscriptionId: subscription.id } }))?.status === "gave_up", () => runner.drain());

    up = true;
    const delivery = await database.db.webhookDelivery.findFirstOrThrow({ where: { projectId: target.project.id } });
    await expect(redeliver(member, { projectId: target.project.id, deliveryId: delivery.id, subscriptionId: subscription.id })).rejects.toMatchObject({ code: "forbidden" });
    await redeliver(admin, { projectId: target.project.id, deliveryId: delivery.id, subscriptionId: subscription.id });
    // Sends finish apart from the claims that start them: wait for the redelivery's outcome.
    await until(async () => (await database.db.outboxMessage.count({ where: { subscriptionId: subscription.id, status: "done" } })) === 1, () => runner.drain());
    const last = service.requests.at(-1)!;
    expect(last.headers).toMatchObject({ "x-vcs-connect-delivery": delivery.id, "x-vcs-connect-attempt": "1" });
    expect(await database.db.outboxMessage.findMany({ where: { subscriptionId: subscription.id }, orderBy: { createdAt: "asc" }, select: { status: true } })).toEqual([{ status: "gave_up" }, { status: "done" }]);
  });

  it("lets admins add and remove subscriptions, members only read; the URL goes through the outbound guard", async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    const input = { projectId: target.project.id, scope: "project" as const, targetUrl: "https://hooks.example.com/bitbucket", events: ["repo:push"] };
    await expect(addSubscription(member, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addSubscription(admin, { ...input, targetUrl: "ftp://hooks.example.com" })).rejects.toMatchObject({ code: "url_invalid_http_allowed", field: "targetUrl" });
    await expect(addSubscription(admin, { ...input, targetUrl: "https://user:pass@hooks.example.com" })).rejects.toMatchObject({ code: "url_invalid_http_allowed", field: "targetUrl" });
    const created = await addSubscription(admin, input);
    expect(created.secret).toMatch(/^whsec_/);
    await expect(removeSubscription(member, created.id)).rejects.toMatchObject({ code: "forbidden" });
    const outsider = (await orgMember(database.db, "owner")).access;
    await expect(removeSubscription(outsider, created.id)).rejects.toMatchObject({ code: "not_found" });
    await removeSubscription(admin, created.id);
    expect(await database.db.webhookSubscription.count({ where: { id: created.id } })).toBe(0);
  });

  it("processes a burst of deliveries together, and one that cannot be processed holds back none of the others", async () => {
    const target = await webhookProject(database.db, admin.organization.id);
    for (const branch of ["a", "b", "c", "d"]) expect((await deliverToRoute(target, pushPayload(branch))).status).toBe(202);
    const [poisoned] = await database.db.webhookDelivery.findMany({ where: { projectId: target.project.id }, orderBy: { receivedAt: "asc" }, take: 1 });
    await database.db.webhookDelivery.update({ where: { id: poisoned!.id }, data: { summary: "{not json" } });
    await new OutboxRunner(fast({ retryBaseMs: 3_600_000 })).drain();
    const deliveries = await database.db.webhookDelivery.findMany({ where: { projectId: target.project.id }, include: { outboxMessages: true } });
    expect(deliveries.filter((d) => d.id !== poisoned!.id).map((d) => d.outcome)).toEqual(["processed", "processed", "processed"]);
    const stuck = deliveries.find((d) => d.id === poisoned!.id)!;
    expect(stuck.outcome).toBe("received");
    expect(stuck.outboxMessages).toMatchObject([{ kind: "process", status: "pending", attempts: 1, leaseUntil: null }]);
    expect((await database.db.project.findUniqueOrThrow({ where: { id: target.project.id } })).lastPushAt).not.toBeNull();
  });
});
