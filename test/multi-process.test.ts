import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { connectionUrls } from "@/lib/connections/connection-view";
import { createConnection } from "@/lib/connections/create-connection";
import { saveCredentials } from "@/lib/connections/save-credentials";
import { startAuthorization } from "@/lib/connections/start-authorization";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { SWEEP_LEASE } from "@/lib/health/run-sweep";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { signBody } from "@/lib/webhooks/signature";
import { decideOnBitbucket } from "./bitbucket-consent";
import { connectedConnection, emulatorStats } from "./connected-connection";
import { orgMember } from "./org-fixtures";
import { runWorker } from "./processes";
import { useTestDatabase } from "./use-test-database";

// Several app instances on one database act as one: each case runs its work in three
// separate Node processes at the same moment (on SQLite and on PostgreSQL; see
// instance-owner and token-lifecycle tests for the owner claim and the token refresh).
const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const PROCESSES = [0, 1, 2];
const workerEnv = () => ({ DATABASE_URL: database.url });

describe("several app processes on one database", () => {
  it("sweep once per interval: one process runs the health sweep, the others skip it", async () => {
    const connections = [await connectedConnection(database.db, emulator), await connectedConnection(database.db, emulator)];
    await database.db.lease.deleteMany({ where: { name: SWEEP_LEASE } });
    const since = new Date();

    const outputs = await Promise.all(PROCESSES.map(() => runWorker("test/workers/run-sweep.ts", [], workerEnv())));

    expect(outputs.map((output) => (JSON.parse(output) as { ran: boolean }).ran).filter(Boolean)).toHaveLength(1);
    for (const connection of connections) {
      expect(await database.db.healthEvent.count({ where: { connectionId: connection.id, kind: "check", createdAt: { gte: since } } })).toBe(1);
    }
  }, 60_000);

  it("store a webhook delivery once, whichever process receives it and its retries", async () => {
    const { organization } = await orgMember(database.db, "admin");
    const connection = await database.db.vcsConnection.create({
      data: { organizationId: organization.id, provider: "bitbucket_cloud", name: "bb", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "repository_sync", requiredScopes: "webhook", status: "connected" },
    });
    const hookId = randomToken(16);
    const project = await database.db.project.create({
      data: { organizationId: organization.id, connectionId: connection.id, repositoryUuid: "{repo}", fullName: "acme/api", workspaceSlug: "acme", slug: "api", name: "api", isPrivate: true, hookId, hookSecretSealed: "pending", events: "repo:push" },
    });
    const secret = randomToken(32);
    await database.db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(secret, projectSealContext.hookSecret(project.id)) } });
    const body = Buffer.from(JSON.stringify({ push: { changes: [] }, actor: { display_name: "Alice" } }));
    const args = [hookId, body.toString("base64"), signBody(secret, body), crypto.randomUUID(), "5"];

    const outputs = await Promise.all(PROCESSES.map(() => runWorker("test/workers/receive-delivery.ts", args, workerEnv())));

    expect(outputs.reduce((sum, output) => sum + (JSON.parse(output) as { stored: number }).stored, 0)).toBe(1);
    expect(await database.db.webhookDelivery.count({ where: { projectId: project.id } })).toBe(1);
  }, 60_000);

  it("use a Connect state once: one process completes it, the others are refused and exchange no code", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Bitbucket", profile: "repository_sync" });
    const consumer = await makeConsumer(emulator, {
      callbackUrl: connectionUrls(admin.organization.slug, draft.id).callbackUrl,
      scopes: ["account", "repository:write", "repository:admin", "webhook"],
      isPrivate: true,
    });
    await saveCredentials(admin.access, draft.id, { clientId: consumer.key, clientSecret: consumer.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl });
    const caller = { userId: admin.user.id, label: "admin", sessionToken: "session-a" };
    const callback = Object.fromEntries(await decideOnBitbucket(emulator, await startAuthorization(admin.access, draft.id, caller.sessionToken)));
    const before = await emulatorStats(emulator, consumer.key);

    const outputs = await Promise.all(
      PROCESSES.map(() => runWorker("test/workers/complete-authorization.ts", [draft.id, JSON.stringify(callback), JSON.stringify(caller)], workerEnv())),
    );

    expect(outputs.sort()).toEqual(["connected", "state_invalid", "state_invalid"]);
    expect((await emulatorStats(emulator, consumer.key)).token - before.token).toBe(1);
    expect(await database.db.vcsGrant.count({ where: { connectionId: draft.id } })).toBe(1);
  }, 60_000);
});
