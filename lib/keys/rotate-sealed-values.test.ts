import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { destinationSealContext } from "@/lib/alerts/seal-context";
import { sealContext } from "@/lib/connections/load-connection";
import { getAccessToken } from "@/lib/connections/get-access-token";
import { openSecret, sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { sealedKeyId } from "@/lib/crypto/seal";
import { reloadEnv } from "@/lib/env";
import { checkConnection } from "@/lib/health/check-connection";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { subscriptionSealContext } from "@/lib/forwarding/seal-context";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { signBody } from "@/lib/webhooks/signature";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { rotateSealedValues } from "./rotate-sealed-values";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  reloadEnv();
  await emulator.close();
});

const OLD_KEY = Buffer.alloc(32, 1).toString("base64"); // the test environment's ENCRYPTION_KEY
const NEW_KEY = Buffer.alloc(32, 7).toString("base64");

function useKeys(current: "old" | "new", previous: string) {
  vi.stubEnv("ENCRYPTION_KEY", current === "old" ? OLD_KEY : NEW_KEY);
  vi.stubEnv("ENCRYPTION_KEY_ID", current === "old" ? "k1" : "k2");
  vi.stubEnv("ENCRYPTION_PREVIOUS_KEYS", previous);
  reloadEnv();
}

async function projectWithHook(organizationId: string, connectionId: string) {
  const hookId = randomToken(16);
  const secret = randomToken(32);
  const project = await database.db.project.create({
    data: {
      organizationId, connectionId, repositoryUuid: `{${randomToken(6)}}`, fullName: "acme/api", workspaceSlug: "acme", slug: "api", name: "api",
      isPrivate: true, hookId, hookSecretSealed: "", events: "repo:push",
    },
  });
  await database.db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(secret, projectSealContext.hookSecret(project.id)) } });
  // A service subscribed to the project's events, with its own signing secret.
  const subscription = await database.db.webhookSubscription.create({
    data: { organizationId, projectId: project.id, targetUrl: "https://service.example/hooks", events: "repo:push", secretSealed: "" },
  });
  await database.db.webhookSubscription.update({ where: { id: subscription.id }, data: { secretSealed: sealSecret("whsec_test", subscriptionSealContext.secret(subscription.id)) } });
  // An alert destination: a signed-JSON webhook, its URL and signing key both sealed.
  const destination = await database.db.alertDestination.create({ data: { organizationId, kind: "webhook", format: "json", urlHost: "alerts.example" } });
  await database.db.alertDestination.update({
    where: { id: destination.id },
    data: {
      urlSealed: sealSecret("https://alerts.example/hook", destinationSealContext.url(destination.id)),
      secretSealed: sealSecret("alert-signing-key", destinationSealContext.secret(destination.id)),
    },
  });
  return { hookId, secret, destinationId: destination.id };
}

const sealedKeyIds = async () => {
  const connections = await database.db.vcsConnection.findMany({ omit: { clientSecretSealed: false }, include: { grant: { omit: { accessTokenSealed: false, refreshTokenSealed: false } } } });
  const projects = await database.db.project.findMany({ omit: { hookSecretSealed: false } });
  const subscriptions = await database.db.webhookSubscription.findMany({ omit: { secretSealed: false } });
  const destinations = await database.db.alertDestination.findMany({ omit: { urlSealed: false, secretSealed: false } });
  return new Set([
    ...connections.flatMap((c) => [c.clientSecretSealed, c.grant?.accessTokenSealed, c.grant?.refreshTokenSealed]),
    ...projects.map((p) => p.hookSecretSealed),
    ...subscriptions.map((s) => s.secretSealed),
    ...destinations.flatMap((d) => [d.urlSealed, d.secretSealed]),
  ].filter(Boolean).map((value) => sealedKeyId(value!)));
};

describe("npm run keys:rotate", () => {
  it("re-seals every secret under the new key; with the old key removed every connection still works", async () => {
    useKeys("old", "");
    const first = await connectedConnection(database.db, emulator);
    const second = await connectedConnection(database.db, emulator);
    const hook = await projectWithHook(first.organization.id, first.id);
    expect(await sealedKeyIds()).toEqual(new Set(["k1"]));

    // The operator sets a new key and keeps the old one readable.
    useKeys("new", `k1:${OLD_KEY}`);
    // An interrupted earlier run had already re-sealed one value: it is not counted again.
    const secondSecret = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: second.id }, omit: { clientSecretSealed: false } });
    await database.db.vcsConnection.update({ where: { id: second.id }, data: { clientSecretSealed: sealSecret(second.consumer.secret, sealContext.clientSecret(second.id)) } });
    expect(sealedKeyId(secondSecret.clientSecretSealed!)).toBe("k1");

    const progress: string[] = [];
    const report = await rotateSealedValues((column, done, total) => progress.push(`${column} ${done}/${total}`));

    expect(report.keyId).toBe("k2");
    expect(report.remaining).toBe(0);
    expect(report.columns.map(({ label, found, resealed, failed }) => [label, found, resealed, failed.length])).toEqual([
      ["client secrets", 1, 1, 0],
      ["access tokens", 2, 2, 0],
      ["refresh tokens", 2, 2, 0],
      ["webhook secrets", 1, 1, 0],
      ["subscription signing secrets", 1, 1, 0],
      ["alert webhook URLs", 1, 1, 0],
      ["alert signing secrets", 1, 1, 0],
    ]);
    expect(progress).toContain("access tokens 2/2");
    expect(await sealedKeyIds()).toEqual(new Set(["k2"]));

    // Idempotent: a second run finds nothing to do.
    const again = await rotateSealedValues();
    expect(again.columns.every((column) => column.found === 0 && column.resealed === 0)).toBe(true);

    // The old key is gone.
    useKeys("new", "");
    for (const connection of [first, second]) {
      expect(await checkConnection(connection.id)).toMatchObject({ ok: true });
      const current = await getAccessToken(connection.id);
      // A forced refresh opens the client secret and the refresh token.
      const refreshed = await getAccessToken(connection.id, { rejected: current });
      expect(refreshed).not.toBe(current);
      expect(await checkConnection(connection.id)).toMatchObject({ ok: true });
    }
    const body = new TextEncoder().encode(JSON.stringify({ push: { changes: [] } }));
    const received = await receiveDelivery(hook.hookId, body, { signature: signBody(hook.secret, body), eventKey: "repo:push", requestUuid: crypto.randomUUID(), attempt: "1" });
    expect(received.duplicate).toBe(false);
    const destination = await database.db.alertDestination.findUniqueOrThrow({ where: { id: hook.destinationId }, omit: { urlSealed: false, secretSealed: false } });
    expect(openSecret(destination.urlSealed!, destinationSealContext.url(destination.id))).toBe("https://alerts.example/hook");
    expect(openSecret(destination.secretSealed!, destinationSealContext.secret(destination.id))).toBe("alert-signing-key");
  });
});
