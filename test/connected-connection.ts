import { makeConsumer, type TestEmulator } from "@/emulator/test/helpers";
import { completeAuthorization } from "@/lib/connections/complete-authorization";
import { connectionUrls } from "@/lib/connections/connection-view";
import { createConnection } from "@/lib/connections/create-connection";
import { saveCredentials } from "@/lib/connections/save-credentials";
import { startAuthorization } from "@/lib/connections/start-authorization";
import type { Database } from "@/lib/db/client";
import { decideOnBitbucket } from "./bitbucket-consent";
import { orgMember } from "./org-fixtures";

/** A connection taken through the real setup against the emulator: draft, verified consumer, Connect. */
export async function connectedConnection(db: Database, emulator: TestEmulator, options: { scopes?: string[]; secret?: string } = {}) {
  const admin = await orgMember(db, "admin");
  const draft = await createConnection(admin.access, { name: "Bitbucket", profile: "repository_sync" });
  const consumer = await makeConsumer(emulator, {
    callbackUrl: connectionUrls(admin.organization.slug, draft.id).callbackUrl,
    scopes: options.scopes ?? ["account", "repository:write", "repository:admin", "webhook"],
    isPrivate: true,
    ...(options.secret ? { secret: options.secret } : {}),
  });
  await saveCredentials(admin.access, draft.id, { clientId: consumer.key, clientSecret: consumer.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl });
  const caller = { userId: admin.user.id, label: "admin", sessionToken: "fixture-session" };
  const callback = await decideOnBitbucket(emulator, await startAuthorization(admin.access, draft.id, caller.sessionToken));
  await completeAuthorization(draft.id, Object.fromEntries(callback), caller);
  return { ...admin, id: draft.id, consumer };
}

/** Counters of the emulator's token endpoint and API, per consumer key. */
export async function emulatorStats(emulator: TestEmulator, consumerKey: string) {
  const stats = (await (await emulator.control("GET", "/stats")).json()) as {
    tokenRequests: Record<string, number>;
    apiRequests: Record<string, number>;
  };
  return { token: stats.tokenRequests[consumerKey] ?? 0, api: stats.apiRequests[consumerKey] ?? 0 };
}
