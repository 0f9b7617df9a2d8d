import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { getConnection } from "@/lib/connections/read-connections";
import { AppError } from "@/lib/errors/app-error";
import { connectedConnection, emulatorStats } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { checkConnection } from "./check-connection";
import { operatorHealth } from "./operator-health";
import { organizationStatus } from "./organization-status";
import { organizationByStatusToken, setPublicStatus } from "./public-status";
import { runSweep, SWEEP_LEASE } from "./run-sweep";

vi.stubEnv("HEALTH_FAILURE_THRESHOLD", "2");

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
afterEach(() => emulator.control("DELETE", "/faults"));

const events = (connectionId: string) => database.db.healthEvent.findMany({ where: { connectionId }, orderBy: { createdAt: "asc" } });

describe("checkConnection", () => {
  it("records a successful check with its latency", async () => {
    const c = await connectedConnection(database.db, emulator);
    const result = await checkConnection(c.id);
    expect(result).toMatchObject({ ok: true, errorCode: null });
    const [check] = await events(c.id);
    expect(check).toMatchObject({ kind: "check", ok: true });
    expect(check!.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await database.db.vcsConnection.findUniqueOrThrow({ where: { id: c.id } })).lastSuccessAt).not.toBeNull();
  });

  it("notices a revoked grant: needs reauthorization, with the reason, recorded by the system", async () => {
    const c = await connectedConnection(database.db, emulator);
    await emulator.control("POST", "/grants/revoke", { consumerKey: c.consumer.key });

    expect((await checkConnection(c.id)).ok).toBe(false);
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "needs_reauthorization", lastError: { code: "grant_revoked" } });
    const change = (await events(c.id)).find((e) => e.kind === "status");
    expect(change).toMatchObject({ fromStatus: "connected", toStatus: "needs_reauthorization", errorCode: "grant_revoked" });
    const audit = await database.db.auditEvent.findFirst({ where: { targetId: c.id, action: "connection.status_changed" } });
    expect(audit).toMatchObject({ actorType: "system" });
  });

  it("keeps the status through one failure, shows error past the threshold, and recovers on its own", async () => {
    const c = await connectedConnection(database.db, emulator);
    await emulator.control("POST", "/faults", { target: "api", status: 503, times: 0 });

    await checkConnection(c.id);
    expect((await getConnection(c.access, c.id)).status).toBe("connected");
    await checkConnection(c.id);
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "error", lastError: { code: "bitbucket_unavailable" } });

    await emulator.control("DELETE", "/faults");
    expect((await checkConnection(c.id)).ok).toBe(true);
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "connected", lastError: null });
  }, 30_000);
});

describe("runSweep", () => {
  it("runs in one process at a time and not again within the interval", async () => {
    const c = await connectedConnection(database.db, emulator);
    await database.db.lease.deleteMany({ where: { name: SWEEP_LEASE } });
    const before = await emulatorStats(emulator, c.consumer.key);

    const [a, b] = await Promise.all([runSweep("process-a"), runSweep("process-b")]);
    expect([a.ran, b.ran].filter(Boolean)).toHaveLength(1);
    expect((await runSweep("process-c")).ran).toBe(false);
    // One /2.0/user call for this connection, and no token refresh (its token is fresh).
    const after = await emulatorStats(emulator, c.consumer.key);
    expect(after.api - before.api).toBe(1);
    expect(after.token - before.token).toBe(0);
    expect((await operatorHealth()).sweep.current).toBe(true);
  });

  it("drops history past the retention period and day-old Connect attempts", async () => {
    const c = await connectedConnection(database.db, emulator);
    const old = new Date(Date.now() - 30 * 86_400_000);
    await database.db.healthEvent.create({ data: { connectionId: c.id, kind: "check", ok: true, createdAt: old } });
    await database.db.authorizationRequest.create({ data: { stateHash: `old-${Date.now()}`, connectionId: c.id, userId: c.user.id, sessionHash: "x", expiresAt: old } });
    await database.db.lease.deleteMany({ where: { name: SWEEP_LEASE } });

    await runSweep();
    expect(await database.db.healthEvent.count({ where: { connectionId: c.id, createdAt: { lt: new Date(Date.now() - 86_400_000) } } })).toBe(0);
    expect(await database.db.authorizationRequest.count({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } })).toBe(0);
  });

  it("drops webhook deliveries past their retention (30 days by default), keeping younger ones", async () => {
    const c = await connectedConnection(database.db, emulator);
    const project = await database.db.project.create({
      data: { organizationId: c.organization.id, connectionId: c.id, repositoryUuid: `{r-${Date.now()}}`, fullName: "acme/kept", workspaceSlug: "acme", slug: "kept", name: "kept", isPrivate: true, hookId: `h-${Date.now()}`, hookSecretSealed: "x", events: "repo:push" },
    });
    const delivery = (days: number) => ({ projectId: project.id, requestUuid: `u-${days}-${Math.random()}`, eventKey: "repo:push", attempt: 1, signatureOk: true, summary: "{}", payload: "{}", receivedAt: new Date(Date.now() - days * 86_400_000) });
    await database.db.webhookDelivery.createMany({ data: [delivery(31), delivery(45), delivery(29), delivery(1)] });
    await database.db.lease.deleteMany({ where: { name: SWEEP_LEASE } });

    await runSweep();
    const left = await database.db.webhookDelivery.findMany({ where: { projectId: project.id }, select: { receivedAt: true } });
    expect(left.map((d) => Math.round((Date.now() - d.receivedAt.getTime()) / 86_400_000)).sort()).toEqual([1, 29]);
  });

  it("does not touch a connection that needs reauthorization", async () => {
    const c = await connectedConnection(database.db, emulator);
    await database.db.vcsConnection.update({ where: { id: c.id }, data: { status: "needs_reauthorization" } });
    await database.db.lease.deleteMany({ where: { name: SWEEP_LEASE } });
    const before = await emulatorStats(emulator, c.consumer.key);
    await runSweep();
    expect(await emulatorStats(emulator, c.consumer.key)).toEqual(before);
  });
});

describe("organization status", () => {
  it("shows status and uptime but no account, URL or key", async () => {
    // Connect's read of the account is its first check, passed; then one failed.
    const c = await connectedConnection(database.db, emulator);
    await database.db.healthEvent.create({ data: { connectionId: c.id, kind: "check", ok: false, errorCode: "host_timeout" } });

    const [row] = await organizationStatus(c.organization.id);
    expect(row).toMatchObject({ name: "Bitbucket", provider: "Bitbucket Cloud", status: "connected", statusLabel: "Connected", uptime: { day: 0.5, week: 0.5 } });
    const text = JSON.stringify(row);
    for (const hidden of [c.consumer.key, emulator.url, "Alice"]) expect(text).not.toContain(hidden);
  });

  it("publishes a public page only while an admin keeps it on", async () => {
    const c = await connectedConnection(database.db, emulator);
    const url = await setPublicStatus(c.access, true);
    const token = url!.split("/status/")[1]!;
    expect((await organizationByStatusToken(token))?.id).toBe(c.organization.id);

    await setPublicStatus(c.access, false);
    expect(await organizationByStatusToken(token)).toBeNull();
    const member = await database.db.user.create({ data: { email: `m-${Date.now()}@example.test` } });
    await database.db.membership.create({ data: { organizationId: c.organization.id, userId: member.id, role: "member" } });
    const memberAccess = { ...c.access, role: "member" as const, actor: { type: "user" as const, userId: member.id, label: "m" } };
    await expect(setPublicStatus(memberAccess, true)).rejects.toBeInstanceOf(AppError);
  });
});
