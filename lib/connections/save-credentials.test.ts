import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { AppError } from "@/lib/errors/app-error";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { saveCredentials } from "./save-credentials";

// What the audit log and the URL fields say after a check of the key and secret.

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(async () => {
  await emulator.close();
});

const actions = async (connectionId: string) =>
  (await database.db.auditEvent.findMany({ where: { targetId: connectionId }, orderBy: { createdAt: "asc" } })).map((event) => event.action);

describe("checking the key and secret again", () => {
  it("is recorded as a check, not as a rotation, when the secret is the stored one", async () => {
    const c = await connectedConnection(database.db, emulator);
    await saveCredentials(c.access, c.id, { clientId: c.consumer.key, clientSecret: c.consumer.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl });
    const recorded = await actions(c.id);
    expect(recorded.at(-1)).toBe("connection.credentials_reverified");
    expect(recorded).not.toContain("connection.secret_rotated");
  });
});

describe("a URL this server cannot use", () => {
  it("says http:// and loopback hosts are accepted where they are", async () => {
    const c = await connectedConnection(database.db, emulator);
    const error = await saveCredentials(c.access, c.id, { clientId: c.consumer.key, clientSecret: c.consumer.secret, hostUrl: "ftp://bitbucket.example" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("url_invalid_http_allowed");
    expect((error as AppError).field).toBe("hostUrl");
    expect((error as AppError).message).toContain("http://");
  });
});
