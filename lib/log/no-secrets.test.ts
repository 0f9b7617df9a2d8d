import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { completeAuthorization } from "@/lib/connections/complete-authorization";
import { connectionUrls } from "@/lib/connections/connection-view";
import { createConnection } from "@/lib/connections/create-connection";
import { sealContext } from "@/lib/connections/load-connection";
import { saveCredentials } from "@/lib/connections/save-credentials";
import { startAuthorization } from "@/lib/connections/start-authorization";
import { openSecret } from "@/lib/crypto/keyring";
import { decideOnBitbucket } from "@/test/bitbucket-consent";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { setLogDestination } from "./index";

// Everything the server logs while a connection is set up, fails and succeeds, at the most verbose level.
vi.stubEnv("LOG_LEVEL", "trace");
const lines: string[] = [];
setLogDestination(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

describe("log lines", () => {
  it("never contain the client secret or a token, whatever happens", async () => {
    const canary = "CANARY-log-secret-9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e";
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Logged", profile: "repository_sync" });
    const consumer = await makeConsumer(emulator, {
      callbackUrl: connectionUrls(admin.organization.slug, draft.id).callbackUrl,
      scopes: ["account", "repository:admin"],
      isPrivate: true,
      secret: canary,
    });
    const hosts = { hostUrl: emulator.url, apiUrl: emulator.apiUrl };
    await expect(saveCredentials(admin.access, draft.id, { clientId: consumer.key, clientSecret: `${canary}-wrong`, ...hosts })).rejects.toThrow();
    await saveCredentials(admin.access, draft.id, { clientId: consumer.key, clientSecret: canary, ...hosts });
    const caller = { userId: admin.user.id, label: "admin", sessionToken: "session" };
    const cancelled = await decideOnBitbucket(emulator, await startAuthorization(admin.access, draft.id, "session"), { decision: "cancel" });
    await expect(completeAuthorization(draft.id, Object.fromEntries(cancelled), caller)).rejects.toThrow();
    const granted = await decideOnBitbucket(emulator, await startAuthorization(admin.access, draft.id, "session"));
    await completeAuthorization(draft.id, Object.fromEntries(granted), caller);

    const grant = await database.db.vcsGrant.findUniqueOrThrow({ where: { connectionId: draft.id }, omit: { accessTokenSealed: false, refreshTokenSealed: false } });
    const tokens = [openSecret(grant.accessTokenSealed, sealContext.accessToken(draft.id)), openSecret(grant.refreshTokenSealed!, sealContext.refreshToken(draft.id))];
    const output = lines.join("");
    expect(output).toContain("consumer verification failed");
    expect(output).toContain("connection authorization failed");
    expect(output).toContain("connection authorized");
    for (const secret of [canary, ...tokens, granted.get("code")!]) expect(output).not.toContain(secret);
  });
});
