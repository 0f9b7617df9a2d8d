import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { openSecret } from "@/lib/crypto/keyring";
import { sealContext } from "@/lib/connections/load-connection";
import { getConnection } from "@/lib/connections/read-connections";
import { organizationStatus } from "@/lib/health/organization-status";
import { sweepCredentialExpiry } from "@/lib/health/sweep-credential-expiry";
import { startSmtpServer, startWebhookReceiver } from "@/test/alert-receivers";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import type { AlertBody } from "./catalog";
import { deliverDueAlerts, MAX_ATTEMPTS } from "./deliver-alerts";
import { addDestination, removeDestination } from "./manage-destinations";
import { readAlertSettings } from "./read-alerts";
import { SIGNATURE_HEADER } from "./render";
import { alertCallBudget, alertWebhookFailing } from "./source-alerts";

const DAY = 86_400_000;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let emulator: TestEmulator;

// The SMTP server's port must be in the environment before env() is first read.
beforeAll(async () => {
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_HOST", "127.0.0.1");
  vi.stubEnv("SMTP_PORT", String(smtp.port));
  vi.stubEnv("SMTP_FROM", "vcs-connect <alerts@example.test>");
  hooks = await startWebhookReceiver();
  emulator = await start();
});
const database = useTestDatabase();
afterAll(async () => {
  await Promise.all([smtp.close(), hooks.close(), emulator.close()]);
});

/** Quoted-printable soft breaks and escapes undone, so a long link reads as one string. */
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Moves the emulator's clock and returns the app's "now" the same distance ahead. */
async function travel(days: number, from: number) {
  await emulator.control("POST", "/clock", { advanceSeconds: days * 86_400 });
  return new Date(from + days * DAY);
}

describe("a credential reaching its end", () => {
  it("counts down, warns at 14 days, then marks it expired, and both alerts reach a webhook and an SMTP server with the fix link", async () => {
    const c = await connectedConnection(database.db, emulator);
    const start = Date.now();
    const slug = c.organization.slug;
    const json = await addDestination(c.access, { kind: "webhook", format: "json", url: `${hooks.url}/hooks/json` });
    await addDestination(c.access, { kind: "webhook", format: "slack", url: `${hooks.url}/hooks/slack` });
    await addDestination(c.access, { kind: "email", email: "ops@example.test" });
    const fixLink = `http://localhost:3999/orgs/${slug}/connections/${c.id}`;

    // Freshly connected: the refresh token ends 90 days after its last use.
    const fresh = await getConnection(c.access, c.id);
    expect(fresh.credentialEnd?.reason).toBe("refresh_token_unused");
    expect(Math.round((new Date(fresh.credentialEnd!.endsAt).getTime() - start) / DAY)).toBe(90);

    // 80 days without a refresh (the app was not running): 10 days left on both clocks.
    const day80 = await travel(80, start);
    await sweepCredentialExpiry(day80);
    expect((await database.db.vcsConnection.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("expiring_soon");
    const before = (await organizationStatus(c.organization.id))[0]!;
    expect(before.statusLabel).toBe("Expiring soon");
    expect(Math.ceil((new Date(before.credentialEndsAt!).getTime() - day80.getTime()) / DAY)).toBe(10);
    // A second sweep the same day sends nothing new: once per threshold.
    await sweepCredentialExpiry(new Date(day80.getTime() + 3_600_000));
    expect(await database.db.alert.count({ where: { connectionId: c.id } })).toBe(1);
    expect(await deliverDueAlerts({ now: () => day80 })).toEqual({ sent: 3, failed: 0 });

    // 91 days: Bitbucket (the emulator, on its clock) refuses the refresh token, and the app says expired.
    const day91 = await travel(11, start + 80 * DAY);
    const grant = await database.db.vcsGrant.findUniqueOrThrow({ where: { connectionId: c.id }, omit: { refreshTokenSealed: false } });
    const refused = await fetch(`${emulator.url}/site/oauth2/access_token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${c.consumer.key}:${c.consumer.secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: openSecret(grant.refreshTokenSealed!, sealContext.refreshToken(c.id)) }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_grant" });
    await sweepCredentialExpiry(day91);
    const after = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: c.id } });
    expect([after.status, after.lastErrorCode]).toEqual(["expired", "credential_expired"]);
    expect((await organizationStatus(c.organization.id))[0]!.statusLabel).toBe("Expired");
    expect(await deliverDueAlerts({ now: () => day91 })).toEqual({ sent: 3, failed: 0 });

    // The signed JSON body: both alerts, each naming organization, connection, what happened, the fix and the link.
    const bodies = hooks.received.filter((r) => r.path === "/hooks/json");
    expect(bodies.map((r) => (JSON.parse(r.body) as AlertBody).kind)).toEqual(["credential_expiring", "credential_expired"]);
    for (const r of bodies) {
      expect(r.headers[SIGNATURE_HEADER]).toBe(`sha256=${createHmac("sha256", json.signingSecret!).update(r.body).digest("hex")}`);
      const alert = JSON.parse(r.body) as AlertBody;
      expect(alert).toMatchObject({ organization: { slug }, connection: { id: c.id, name: "Bitbucket" }, link: fixLink });
      expect(alert.fix).toMatch(/Reconnect/);
    }
    expect((JSON.parse(bodies[0]!.body) as AlertBody).title).toBe("Bitbucket: expires in 10 days");
    // Slack: Block Kit with the link as a button.
    const slack = JSON.parse(hooks.received.find((r) => r.path === "/hooks/slack")!.body) as { text: string; blocks: { elements?: { url?: string }[] }[] };
    expect(slack.text).toContain(fixLink);
    expect(slack.blocks.flatMap((b) => b.elements ?? []).some((e) => e.url === fixLink)).toBe(true);
    // E-mail: through the SMTP server, to the address given, with the fix and the link.
    expect(smtp.messages).toHaveLength(2);
    const mail = decodeMail(smtp.messages[1]!.raw);
    expect(smtp.messages[1]!.to).toEqual(["ops@example.test"]);
    expect(mail).toContain("Bitbucket: expired");
    expect(mail).toContain("Fix: Choose Reconnect");
    expect(mail).toContain(fixLink);

    // The settings page's log: both alerts, each sent to all three destinations.
    const settings = await readAlertSettings(c.organization.id);
    expect(settings.alerts.map((a) => a.deliveries.map((d) => d.state))).toEqual([["sent", "sent", "sent"], ["sent", "sent", "sent"]]);
  });
});

describe("sending", () => {
  it("retries a failing destination with growing back-off, then gives up; a removed destination gets nothing", async () => {
    const c = await connectedConnection(database.db, emulator);
    const destination = await addDestination(c.access, { kind: "webhook", format: "teams", url: `${hooks.url}/hooks/teams` });
    // Only this connection's alerts: the earlier test's connection and destinations go.
    await database.db.organization.deleteMany({ where: { id: { not: c.organization.id } } });
    const start = Date.now();
    await sweepCredentialExpiry(new Date(start + 89.5 * DAY));
    hooks.state.failNext = 1;
    expect(await deliverDueAlerts({ now: () => new Date(start + 89.5 * DAY) })).toEqual({ sent: 0, failed: 1 });
    const pending = await database.db.alertDelivery.findFirstOrThrow({ where: { destinationId: destination.id } });
    expect(pending).toMatchObject({ state: "pending", attempts: 1 });
    expect(pending.lastError).toContain("answered 500");
    // Not due again before its back-off.
    expect(await deliverDueAlerts({ now: () => new Date(start + 89.5 * DAY + 1000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueAlerts({ now: () => new Date(pending.nextAttemptAt.getTime() + 1) })).toEqual({ sent: 1, failed: 0 });
    const teams = JSON.parse(hooks.received.at(-1)!.body) as { attachments: { content: { actions: { url: string }[] } }[] };
    expect(teams.attachments[0]!.content.actions[0]!.url).toBe(`http://localhost:3999/orgs/${c.organization.slug}/connections/${c.id}`);

    hooks.state.failNext = MAX_ATTEMPTS;
    await sweepCredentialExpiry(new Date(start + 90.5 * DAY));
    let clock = start + 90.5 * DAY;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueAlerts({ now: () => new Date(clock) });
      clock += 3 * 3_600_000;
    }
    const last = await database.db.alertDelivery.findFirstOrThrow({ where: { destinationId: destination.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });

    await removeDestination(c.access, destination.id);
    expect(await database.db.alertDelivery.count({ where: { destinationId: destination.id } })).toBe(0);
  });
});

describe("other sources", () => {
  it("a call budget over 80 % is told once per consumer per hour; a failing project's webhook once a day", async () => {
    const c = await connectedConnection(database.db, emulator);
    const at = new Date("2026-12-01T10:15:00Z");
    await alertCallBudget({ connectionId: c.id, used: 790, limit: 1000, at });
    expect(await database.db.alert.count({ where: { connectionId: c.id, kind: "call_budget" } })).toBe(0);
    await alertCallBudget({ connectionId: c.id, used: 850, limit: 1000, at });
    await alertCallBudget({ connectionId: c.id, used: 900, limit: 1000, at: new Date(at.getTime() + 60_000) });
    const budget = await database.db.alert.findMany({ where: { connectionId: c.id, kind: "call_budget" } });
    expect(budget).toHaveLength(1);
    expect((JSON.parse(budget[0]!.body) as AlertBody).title).toBe("Bitbucket: 85 % of the hourly call budget used");

    const project = await database.db.project.create({
      data: {
        organizationId: c.organization.id,
        connectionId: c.id,
        repositoryUuid: "{r1}",
        fullName: "acme/api",
        workspaceSlug: "acme",
        slug: "api",
        name: "api",
        isPrivate: true,
        hookId: `hook-${c.id}`,
        hookSecretSealed: "x",
        events: "repo:push",
      },
    });
    await alertWebhookFailing(project.id, "bitbucket_missing_scope", at);
    await alertWebhookFailing(project.id, "bitbucket_missing_scope", at);
    const hooksAlerts = await database.db.alert.findMany({ where: { kind: "webhook_failing", connectionId: c.id } });
    expect(hooksAlerts).toHaveLength(1);
    const body = JSON.parse(hooksAlerts[0]!.body) as AlertBody;
    expect(body.link).toBe(`http://localhost:3999/orgs/${c.organization.slug}/projects/${project.id}`);
    expect(body.fix).toMatch(/tick the permission/);
  });
});
