import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/bitbucket/[hookId]/route";
import { sealSecret } from "@/lib/crypto/keyring";
import { outboxOptions } from "@/lib/outbox/options";
import { runOutbox } from "@/lib/outbox/run-outbox";
import { randomToken } from "@/lib/crypto/random";
import { useTestDatabase } from "@/test/use-test-database";
import { MAX_DELIVERY_BYTES } from "./read-body";
import { projectSealContext } from "./seal-context";
import { signBody } from "./signature";

// A low ceiling so the rate-limit test reaches it; the other tests stay well under it.
vi.stubEnv("WEBHOOK_RATE_LIMIT_PER_MINUTE", "20");

const database = useTestDatabase();
const SECRET = randomToken(32);
let hookId: string;
let projectId: string;

beforeAll(async () => {
  const organization = await database.db.organization.create({ data: { name: "Hooks", slug: `hooks-${Date.now()}` } });
  const connection = await database.db.vcsConnection.create({
    data: { organizationId: organization.id, provider: "bitbucket_cloud", name: "bb", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "repository_sync", requiredScopes: "webhook", status: "connected" },
  });
  hookId = randomToken(16);
  const project = await database.db.project.create({
    data: {
      organizationId: organization.id, connectionId: connection.id, repositoryUuid: "{repo}", fullName: "acme/api", workspaceSlug: "acme", slug: "api", name: "api",
      isPrivate: true, hookId, hookSecretSealed: "pending", events: "repo:push",
    },
  });
  projectId = project.id;
  await database.db.project.update({ where: { id: projectId }, data: { hookSecretSealed: sealSecret(SECRET, projectSealContext.hookSecret(projectId)) } });
});

const pushBody = (branch = "main") =>
  new TextEncoder().encode(JSON.stringify({
    actor: { display_name: "Alice Anderson" },
    push: { changes: [{ new: { type: "branch", name: branch, target: { hash: "a".repeat(40), message: "Fix the build\n\nDetails", author: { raw: "Alice <alice@acme.example>" } } }, commits: [{ hash: "a".repeat(40) }, { hash: "b".repeat(40) }] }] },
  }));

function deliver(body: Uint8Array, headers: Record<string, string> = {}, id = hookId) {
  const request = new Request(`http://localhost/api/webhooks/bitbucket/${id}`, {
    method: "POST",
    body: Buffer.from(body),
    headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-request-uuid": crypto.randomUUID(), "x-attempt-number": "1", "x-hub-signature": signBody(SECRET, body), ...headers },
  });
  return POST(request, { params: Promise.resolve({ hookId: id }) });
}

const stored = () => database.db.webhookDelivery.count({ where: { projectId } });

describe("the webhook receiver", () => {
  it("stores a signed delivery with its outbox message, answers 202, and the outbox worker processes it", async () => {
    const response = await deliver(pushBody("release"));
    expect(response.status).toBe(202);
    const received = await database.db.webhookDelivery.findFirstOrThrow({ where: { projectId }, orderBy: { receivedAt: "desc" }, include: { outboxMessages: true } });
    expect(received.outcome).toBe("received");
    expect(received.outboxMessages).toMatchObject([{ kind: "process", status: "pending" }]);
    await runOutbox(outboxOptions());
    const delivery = await database.db.webhookDelivery.findFirstOrThrow({ where: { projectId }, orderBy: { receivedAt: "desc" } });
    expect(delivery).toMatchObject({ eventKey: "repo:push", attempt: 1, signatureOk: true, outcome: "processed" });
    expect(JSON.parse(delivery.summary)).toEqual({ kind: "push", branch: "release", commits: 2, head: "a".repeat(40), message: "Fix the build", author: "Alice <alice@acme.example>" });
    expect((await database.db.project.findUniqueOrThrow({ where: { id: projectId } })).lastPushAt).not.toBeNull();
  });

  it("records the address the delivery came from, as the nearest hop reports it", async () => {
    const response = await deliver(pushBody("source"), { "x-forwarded-for": "198.51.100.7, 104.192.136.12" });
    expect(response.status).toBe(202);
    const delivery = await database.db.webhookDelivery.findFirstOrThrow({ where: { projectId }, orderBy: { receivedAt: "desc" } });
    expect(delivery.sourceAddress).toBe("104.192.136.12");
  });

  it("refuses a tampered body with 401 and stores nothing", async () => {
    const before = await stored();
    const original = pushBody();
    const tampered = pushBody("evil");
    const response = await deliver(tampered, { "x-hub-signature": signBody(SECRET, original) });
    expect(response.status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it("refuses a missing signature with 401", async () => {
    const before = await stored();
    const body = pushBody();
    const request = new Request(`http://localhost/api/webhooks/bitbucket/${hookId}`, { method: "POST", body: Buffer.from(body), headers: { "x-event-key": "repo:push", "x-request-uuid": crypto.randomUUID() } });
    expect((await POST(request, { params: Promise.resolve({ hookId }) })).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it("stores a redelivery with the same X-Request-UUID once and still answers 200", async () => {
    const before = await stored();
    const requestUuid = crypto.randomUUID();
    expect((await deliver(pushBody(), { "x-request-uuid": requestUuid })).status).toBe(202);
    const again = await deliver(pushBody(), { "x-request-uuid": requestUuid, "x-attempt-number": "2" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await stored()).toBe(before + 1);
    expect(await database.db.outboxMessage.count({ where: { delivery: { requestUuid } } })).toBe(1);
  });

  it("answers 413 to a body over the cap, without reading it all", async () => {
    const before = await stored();
    const huge = new Uint8Array(MAX_DELIVERY_BYTES + 1).fill(32);
    expect((await deliver(huge)).status).toBe(413);
    expect(await stored()).toBe(before);
  });

  it("answers 400 to a delivery without X-Request-UUID and stores nothing (it could be replayed forever)", async () => {
    const before = await stored();
    const body = pushBody();
    const request = new Request(`http://localhost/api/webhooks/bitbucket/${hookId}`, {
      method: "POST",
      body: Buffer.from(body),
      headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-hub-signature": signBody(SECRET, body) },
    });
    const response = await POST(request, { params: Promise.resolve({ hookId }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("request_uuid_missing");
    expect(await stored()).toBe(before);
  });

  it("answers 429 with Retry-After past the per-hook ceiling, and other hooks are unaffected", async () => {
    const busyProject = await database.db.project.findUniqueOrThrow({ where: { id: projectId } });
    const busyHook = randomToken(16);
    const busy = await database.db.project.create({
      data: { ...busyProject, id: undefined, hookId: busyHook, repositoryUuid: "{busy}", fullName: "acme/busy", slug: "busy", hookSecretSealed: "pending", createdAt: undefined, updatedAt: undefined } as never,
    });
    await database.db.project.update({ where: { id: busy.id }, data: { hookSecretSealed: sealSecret(SECRET, projectSealContext.hookSecret(busy.id)) } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await deliver(pushBody(), {}, busyHook)).status);
    expect(statuses.every((status) => status === 202)).toBe(true);
    const refused = await deliver(pushBody(), {}, busyHook);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await database.db.webhookDelivery.count({ where: { projectId: busy.id } })).toBe(20);
    expect((await deliver(pushBody())).status).toBe(202);
  });

  it("answers 404 for an unknown hook", async () => {
    expect((await deliver(pushBody(), {}, "no-such-hook")).status).toBe(404);
  });

  it("answers 404 once a project is removed elsewhere, though this process knew its hook a moment ago", async () => {
    const template = await database.db.project.findUniqueOrThrow({ where: { id: projectId } });
    const goneHook = randomToken(16);
    const gone = await database.db.project.create({
      data: { ...template, id: undefined, hookId: goneHook, repositoryUuid: "{gone}", fullName: "acme/gone", slug: "gone", hookSecretSealed: "pending", createdAt: undefined, updatedAt: undefined } as never,
    });
    await database.db.project.update({ where: { id: gone.id }, data: { hookSecretSealed: sealSecret(SECRET, projectSealContext.hookSecret(gone.id)) } });
    expect((await deliver(pushBody(), {}, goneHook)).status).toBe(202);
    // Another instance removes the project: this process still has its hook key.
    await database.db.project.delete({ where: { id: gone.id } });
    const refused = await deliver(pushBody(), {}, goneHook);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe("webhook_unknown");
    expect(await database.db.webhookDelivery.count({ where: { projectId: gone.id } })).toBe(0);
  });
});
