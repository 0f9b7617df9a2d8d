import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { AppError } from "@/lib/errors/app-error";
import { decideOnBitbucket } from "@/test/bitbucket-consent";
import { connectedConnection } from "@/test/connected-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { completeAuthorization } from "./complete-authorization";
import { connectionUrls } from "./connection-view";
import { createConnection } from "./create-connection";
import { saveCredentials } from "./save-credentials";
import { startAuthorization } from "./start-authorization";

// Access tokens are sent to the API URL: it must be Bitbucket's own API for the Host URL,
// moving a working connection elsewhere is an owner's decision, and a change that races
// a callback never leaves a token stored under URLs it was not issued for.

const database = useTestDatabase();
let emulator: TestEmulator;
let lookalike: Server;
let lookalikeUrl: string;
const lookalikeRequests: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  emulator = await start();
  // Answers like Bitbucket's API to anonymous calls (401 with its error envelope), and records who called.
  lookalike = createServer((request, response) => {
    lookalikeRequests.push(request.headers);
    response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ type: "error", error: { message: "Access token expired." } }));
  });
  await new Promise<void>((resolve) => lookalike.listen(0, "127.0.0.1", resolve));
  lookalikeUrl = `http://127.0.0.1:${(lookalike.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => lookalike.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function draftWithConsumer() {
  const admin = await orgMember(database.db, "admin");
  const draft = await createConnection(admin.access, { name: "Bitbucket", profile: "repository_sync" });
  const consumer = await makeConsumer(emulator, { callbackUrl: connectionUrls(admin.organization.slug, draft.id).callbackUrl, scopes: ["account", "repository"], isPrivate: true });
  return { ...admin, id: draft.id, consumer };
}

describe("the API URL belongs to its Host URL", () => {
  it("refuses an API URL on another host, naming the field, and never calls that host", async () => {
    const d = await draftWithConsumer();
    lookalikeRequests.length = 0;
    const error = await rejection(
      saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: d.consumer.secret, hostUrl: emulator.url, apiUrl: `${lookalikeUrl}/2.0` }),
    );
    expect(error).toMatchObject({ code: "api_url_not_on_host", field: "apiUrl" });
    expect(lookalikeRequests).toHaveLength(0);
    expect((await database.db.vcsConnection.findUniqueOrThrow({ where: { id: d.id } })).apiUrl).not.toContain(lookalikeUrl);
  });

  it("refuses it when creating with credentials too", async () => {
    const admin = await orgMember(database.db, "admin");
    const input = { name: "Via API", profile: "read_only" as const, hostUrl: emulator.url, apiUrl: `${lookalikeUrl}/2.0`, clientId: "k", clientSecret: "s" };
    expect(await rejection(createConnection(admin.access, input))).toMatchObject({ code: "api_url_not_on_host", field: "apiUrl" });
  });

  it("accepts the Host URL's own origin (the sandbox serves {host}/2.0)", async () => {
    const d = await draftWithConsumer();
    const result = await saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: d.consumer.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl });
    expect(result.status).toBe("awaiting_authorization");
  });
});

describe("moving a connected connection to other URLs", () => {
  it("is for owners: an admin is refused and nothing changes, an owner may", async () => {
    const c = await connectedConnection(database.db, emulator);
    const elsewhere = emulator.url.replace("127.0.0.1", "localhost");
    const move = { clientId: c.consumer.key, clientSecret: c.consumer.secret, hostUrl: elsewhere, apiUrl: `${elsewhere}/2.0` };

    const refused = await rejection(saveCredentials(c.access, c.id, move));
    expect(refused).toMatchObject({ code: "url_change_owner_only", field: "hostUrl" });
    const kept = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: c.id }, include: { grant: true } });
    expect(kept).toMatchObject({ hostUrl: emulator.url, status: "connected" });
    expect(kept.grant).not.toBeNull();

    // A secret rotation on the same URLs stays an admin's job.
    await saveCredentials(c.access, c.id, { clientId: c.consumer.key, clientSecret: c.consumer.secret });

    const owner = await orgMember(database.db, "owner", c.organization.id);
    expect(await saveCredentials(owner.access, c.id, move)).toMatchObject({ status: "awaiting_authorization" });
  });
});

describe("a URL change racing the callback", () => {
  it("stores no grant: the exchange's host, API URL and key are no longer the connection's", async () => {
    const d = await draftWithConsumer();
    await saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: d.consumer.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl });
    const caller = { userId: d.user.id, label: "admin", sessionToken: "race-session" };
    const callback = await decideOnBitbucket(emulator, await startAuthorization(d.access, d.id, caller.sessionToken));

    // The token endpoint holds the exchange while the admin saves another Host URL.
    await emulator.control("POST", "/faults", { target: "token", delayMs: 800 });
    const completing = completeAuthorization(d.id, Object.fromEntries(callback), caller).then(() => null, (e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const elsewhere = emulator.url.replace("127.0.0.1", "localhost");
    await saveCredentials(d.access, d.id, { clientId: d.consumer.key, clientSecret: d.consumer.secret, hostUrl: elsewhere, apiUrl: `${elsewhere}/2.0` });

    const error = await completing;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "connection_changed" });
    const after = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: d.id }, include: { grant: true } });
    expect(after.grant).toBeNull();
    expect(after).toMatchObject({ hostUrl: elsewhere, status: "awaiting_authorization" });
  });
});
