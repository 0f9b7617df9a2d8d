import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { openSecret } from "@/lib/crypto/keyring";
import { AppError } from "@/lib/errors/app-error";
import { decideOnBitbucket } from "@/test/bitbucket-consent";
import { databaseText } from "@/test/database";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { completeAuthorization } from "./complete-authorization";
import { connectionUrls } from "./connection-view";
import { createConnection } from "./create-connection";
import { sealContext } from "./load-connection";
import { getConnection } from "./read-connections";
import { saveCredentials } from "./save-credentials";
import { startAuthorization } from "./start-authorization";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const CANARY_SECRET = "CANARY-client-secret-5f1d2c9b7a3e4d6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** An admin with a verified draft whose consumer exists on the emulator with the right callback. */
async function verifiedConnection(options: { scopes?: string[]; isPrivate?: boolean; secret?: string } = {}) {
  const admin = await orgMember(database.db, "admin");
  const draft = await createConnection(admin.access, { name: "Bitbucket", profile: "repository_sync" });
  const consumer = await makeConsumer(emulator, {
    callbackUrl: connectionUrls(admin.organization.slug, draft.id).callbackUrl,
    scopes: options.scopes ?? ["account", "repository:write", "repository:admin", "webhook"],
    isPrivate: options.isPrivate ?? true,
    ...(options.secret ? { secret: options.secret } : {}),
  });
  const hosts = { hostUrl: emulator.url, apiUrl: emulator.apiUrl };
  await saveCredentials(admin.access, draft.id, { clientId: consumer.key, clientSecret: consumer.secret, ...hosts });
  const caller = (sessionToken: string) => ({ userId: admin.user.id, label: "admin", sessionToken });
  return { ...admin, id: draft.id, consumer, hosts, caller };
}

async function tokenRequests(consumerKey: string): Promise<number> {
  const stats = (await (await emulator.control("GET", "/stats")).json()) as { tokenRequests: Record<string, number> };
  return stats.tokenRequests[consumerKey] ?? 0;
}

describe("Connect", () => {
  it("stores a sealed grant and reports the account and permissions", async () => {
    const c = await verifiedConnection({ secret: CANARY_SECRET });
    const callback = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a"));
    const outcome = await completeAuthorization(c.id, Object.fromEntries(callback), c.caller("session-a"));

    expect(outcome).toMatchObject({ status: "connected", missingScopes: [] });
    const view = await getConnection(c.access, c.id);
    expect(view.account?.displayName).toBe("Alice Anderson");
    expect(view.grantedScopes).toEqual(["account", "repository", "repository:write", "repository:admin", "webhook"]);
    expect(view.clientIdLast4).toBe(c.consumer.key.slice(-4));
    expect(JSON.stringify(view)).not.toContain(CANARY_SECRET);

    // Neither the client secret nor the tokens are anywhere in the database (file, or rows) in plain text.
    const grant = await database.db.vcsGrant.findUniqueOrThrow({ where: { connectionId: c.id }, omit: { accessTokenSealed: false, refreshTokenSealed: false } });
    const accessToken = openSecret(grant.accessTokenSealed, sealContext.accessToken(c.id));
    const refreshToken = openSecret(grant.refreshTokenSealed!, sealContext.refreshToken(c.id));
    const file = await databaseText(database.url);
    for (const secret of [CANARY_SECRET, accessToken, refreshToken]) expect(file).not.toContain(secret);
    expect(accessToken.length).toBeGreaterThan(20);
  });

  it("records its account read as the first health check, so the page has a last check at once", async () => {
    const c = await verifiedConnection();
    const callback = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a"));
    await completeAuthorization(c.id, Object.fromEntries(callback), c.caller("session-a"));

    const checks = await database.db.healthEvent.findMany({ where: { connectionId: c.id, kind: "check" } });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ ok: true, errorCode: null });
    expect(checks[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    const row = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.lastCheckedAt?.getTime()).toBe(checks[0]!.createdAt.getTime());
    expect(row.lastSuccessAt?.getTime()).toBe(checks[0]!.createdAt.getTime());
  });

  it("refuses a replayed state and exchanges no second code", async () => {
    const c = await verifiedConnection();
    const callback = Object.fromEntries(await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a")));
    await completeAuthorization(c.id, callback, c.caller("session-a"));
    const before = await tokenRequests(c.consumer.key);

    expect((await rejection(completeAuthorization(c.id, callback, c.caller("session-a")))).code).toBe("state_invalid");
    expect(await tokenRequests(c.consumer.key)).toBe(before);
  });

  it("refuses a state from another browser session and stores nothing", async () => {
    const c = await verifiedConnection();
    const callback = Object.fromEntries(await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a")));

    expect((await rejection(completeAuthorization(c.id, callback, c.caller("session-b")))).code).toBe("state_invalid");
    expect(await database.db.vcsGrant.count({ where: { connectionId: c.id } })).toBe(0);
    expect((await getConnection(c.access, c.id)).status).toBe("awaiting_authorization");
    expect(await tokenRequests(c.consumer.key)).toBe(1); // only the client_credentials check at save
  });

  it("refuses a state minted for another connection", async () => {
    const a = await verifiedConnection();
    const b = await createConnection(a.access, { name: "Other", profile: "read_only" });
    const callback = Object.fromEntries(await decideOnBitbucket(emulator, await startAuthorization(a.access, a.id, "session-a")));

    expect((await rejection(completeAuthorization(b.id, callback, a.caller("session-a")))).code).toBe("state_invalid");
    expect(await database.db.vcsGrant.count({ where: { connectionId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("refuses an expired state", async () => {
    const c = await verifiedConnection();
    const callback = Object.fromEntries(await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a")));
    await database.db.authorizationRequest.updateMany({ where: { connectionId: c.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await rejection(completeAuthorization(c.id, callback, c.caller("session-a")))).code).toBe("state_invalid");
  });

  it("says consent was cancelled and keeps the configuration for a retry", async () => {
    const c = await verifiedConnection();
    const callback = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a"), { decision: "cancel" });
    expect((await rejection(completeAuthorization(c.id, Object.fromEntries(callback), c.caller("session-a")))).code).toBe("consent_cancelled");

    const view = await getConnection(c.access, c.id);
    expect(view).toMatchObject({ status: "error", lastError: { code: "consent_cancelled" }, clientIdLast4: c.consumer.key.slice(-4) });
    const retry = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a"));
    expect((await completeAuthorization(c.id, Object.fromEntries(retry), c.caller("session-a"))).status).toBe("connected");
  });

  it("names the missing Webhooks permission when the consumer lacks it", async () => {
    const c = await verifiedConnection({ scopes: ["account", "repository:write", "repository:admin"] });
    const callback = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "session-a"));
    const outcome = await completeAuthorization(c.id, Object.fromEntries(callback), c.caller("session-a"));
    expect(outcome).toMatchObject({ status: "missing_permissions", missingScopes: ["webhook"] });
  });
});

describe("saving the key and secret", () => {
  async function draft() {
    const admin = await orgMember(database.db, "owner");
    const connection = await createConnection(admin.access, { name: "Draft", profile: "read_only" });
    const consumer = await makeConsumer(emulator, { callbackUrl: connectionUrls(admin.organization.slug, connection.id).callbackUrl, scopes: ["repository"], isPrivate: true });
    return { ...admin, id: connection.id, consumer, hosts: { hostUrl: emulator.url, apiUrl: emulator.apiUrl } };
  }

  it("names the secret field for a wrong secret, keeps the draft's key, stores no secret", async () => {
    const d = await draft();
    const error = await rejection(saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: "wrong-secret", ...d.hosts }));
    expect(error).toMatchObject({ code: "consumer_secret_wrong", field: "clientSecret" });
    const stored = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: d.id }, omit: { clientSecretSealed: false } });
    expect(stored).toMatchObject({ status: "draft", clientId: d.consumer.key, clientSecretSealed: null, lastErrorCode: "consumer_secret_wrong" });
  });

  it("names the key field for a key Bitbucket does not know", async () => {
    const d = await draft();
    const error = await rejection(saveCredentials(d.access, d.id, { clientId: "nosuchkey000000000", clientSecret: d.consumer.secret, ...d.hosts }));
    expect(error).toMatchObject({ code: "consumer_key_unknown", field: "clientId" });
  });

  it("names the API URL when it does not answer like Bitbucket's 2.0 API", async () => {
    const d = await draft();
    const error = await rejection(
      saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: d.consumer.secret, hostUrl: emulator.url, apiUrl: `${emulator.url}/3.0` }),
    );
    expect(error).toMatchObject({ code: "api_not_bitbucket", field: "apiUrl" });
  });

  it("accepts a public consumer and records that the check completes at Connect", async () => {
    const d = await draft();
    const publicConsumer = await makeConsumer(emulator, { callbackUrl: "http://localhost:3999/x", scopes: ["repository"], isPrivate: false });
    const result = await saveCredentials(d.access, d.id, { clientId: publicConsumer.key, clientSecret: publicConsumer.secret, ...d.hosts });
    expect(result).toEqual({ consumerKind: "public", status: "awaiting_authorization" });
  });

  it("clears the tokens when the Host URL or key changes, but keeps them on a secret rotation", async () => {
    const c = await verifiedConnection();
    const callback = await decideOnBitbucket(emulator, await startAuthorization(c.access, c.id, "s"));
    await completeAuthorization(c.id, Object.fromEntries(callback), c.caller("s"));

    await saveCredentials(c.access, c.id, { clientId: c.consumer.key, clientSecret: c.consumer.secret });
    expect((await getConnection(c.access, c.id)).status).toBe("connected");

    const other = await makeConsumer(emulator, { callbackUrl: "http://localhost:3999/y", scopes: ["account"], isPrivate: true });
    await saveCredentials(c.access, c.id, { clientId: other.key, clientSecret: other.secret });
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "awaiting_authorization", account: null, grantedScopes: [] });
  });

  it("refuses a member", async () => {
    const d = await draft();
    const member = await orgMember(database.db, "member", d.organization.id);
    expect((await rejection(saveCredentials(member.access, d.id, { clientId: "k", clientSecret: "s" }))).code).toBe("forbidden");
  });
});

describe("creating with credentials (the VCS API's way)", () => {
  it("verifies first and stores nothing when the secret is wrong", async () => {
    const admin = await orgMember(database.db, "admin");
    const consumer = await makeConsumer(emulator, { callbackUrl: "http://localhost:3999/z", scopes: ["repository"], isPrivate: true });
    const input = { name: "Via API", profile: "read_only" as const, hostUrl: emulator.url, apiUrl: emulator.apiUrl, clientId: consumer.key };

    const error = await rejection(createConnection(admin.access, { ...input, clientSecret: "not-the-secret" }));
    expect(error).toMatchObject({ code: "consumer_secret_wrong", field: "clientSecret" });
    expect(await database.db.vcsConnection.count({ where: { organizationId: admin.organization.id } })).toBe(0);

    const created = await createConnection(admin.access, { ...input, clientSecret: consumer.secret });
    expect(await getConnection(admin.access, created.id)).toMatchObject({ status: "awaiting_authorization", consumerKind: "private" });
  });
});
