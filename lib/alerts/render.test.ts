import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countdownWords } from "@/components/credential-countdown";
import { credentialEnd, daysLeft } from "@/lib/connections/credential-end";
import { expiryThresholds } from "@/lib/health/sweep-credential-expiry";
import type { AlertBody } from "./catalog";
import { retryDelayMs } from "./deliver-alerts";
import { renderEmail, renderSlack, renderTeams, signJson } from "./render";

const alert: AlertBody = {
  kind: "credential_expiring",
  organization: { name: "Acme <Corp>", slug: "acme" },
  connection: { id: "c1", name: "Deploy & release" },
  title: "Deploy & release: expires in 7 days",
  happened: "It ends on Monday.",
  fix: "Reconnect it.",
  link: "https://app.example/orgs/acme/connections/c1",
  severity: "warning",
  occurredAt: "2026-12-01T00:00:00.000Z",
};

describe("alert messages", () => {
  it("Slack: escapes mrkdwn, carries the fix and the link as a button and in the fallback text", () => {
    const slack = renderSlack(alert);
    expect(slack.text).toContain(alert.link);
    expect(slack.blocks[0]).toMatchObject({ text: { text: "*Deploy &amp; release: expires in 7 days*\nIt ends on Monday.\n*Fix:* Reconnect it." } });
    expect(slack.blocks[1]).toMatchObject({ elements: [{ type: "button", url: alert.link }] });
    expect(JSON.stringify(slack.blocks[2])).toContain("Acme &lt;Corp&gt;");
  });
  it("Teams: an Adaptive Card with the fix and an Open URL action", () => {
    const card = renderTeams(alert).attachments[0]!.content;
    expect(card.type).toBe("AdaptiveCard");
    expect(JSON.stringify(card.body)).toContain("**Fix:** Reconnect it.");
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Open in vcs-connect", url: alert.link }]);
  });
  it("e-mail: subject names the organization; HTML is escaped; text has the link", () => {
    const mail = renderEmail(alert);
    expect(mail.subject).toBe("[Acme <Corp>] Deploy & release: expires in 7 days");
    expect(mail.html).toContain("Deploy &amp; release");
    expect(mail.html).not.toContain("<Corp>");
    expect(mail.text).toContain(`Fix: Reconnect it.`);
    expect(mail.text).toContain(alert.link);
  });
  it("signed JSON: sha256= HMAC of the raw body", () => {
    expect(signJson("{}", "k")).toBe(`sha256=${createHmac("sha256", "k").update("{}").digest("hex")}`);
  });
});

describe("credential ends and countdowns", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  it("an OAuth grant ends 90 days after the refresh token's last use", () => {
    const end = credentialEnd({ grant: { expiresAt: new Date(t0.getTime() + 7_200_000), refreshedAt: new Date("2026-02-01T00:00:00Z"), createdAt: t0 } });
    expect(end).toMatchObject({ reason: "refresh_token_unused", endsAt: new Date("2026-05-02T00:00:00Z") });
    expect(credentialEnd({ grant: null })).toBeNull();
    expect(credentialEnd({ credentialType: "access_token", credentialExpiresAt: t0, grant: null })).toMatchObject({ reason: "token_expiry", endsAt: t0 });
  });
  it("the stored credentialExpiresAt wins for every kind; OAuth falls back to the grant only without it", () => {
    const grant = { expiresAt: new Date(t0.getTime() + 7_200_000), refreshedAt: new Date("2026-02-01T00:00:00Z"), createdAt: t0 };
    const stored = new Date("2026-03-15T12:00:00Z");
    expect(credentialEnd({ credentialType: "oauth_consumer", credentialExpiresAt: stored, grant })).toMatchObject({ reason: "refresh_token_unused", endsAt: stored, accessTokenExpiresAt: grant.expiresAt });
    expect(credentialEnd({ credentialType: "oauth_consumer", credentialExpiresAt: null, grant })).toMatchObject({ endsAt: new Date("2026-05-02T00:00:00Z") });
    expect(credentialEnd({ credentialType: "api_token", credentialExpiresAt: stored, grant })).toMatchObject({ reason: "token_expiry", endsAt: stored });
    // A token without a stored expiry never ends by date, whatever its grant says.
    expect(credentialEnd({ credentialType: "access_token", credentialExpiresAt: null, grant })).toBeNull();
    // No grant, no OAuth credential, even with a stale stored end.
    expect(credentialEnd({ credentialType: "oauth_consumer", credentialExpiresAt: stored, grant: null })).toBeNull();
  });
  it("counts days up and words them both ways", () => {
    expect(daysLeft(new Date(t0.getTime() + 6.2 * 86_400_000), t0)).toBe(7);
    expect(countdownWords(new Date(t0.getTime() + 12 * 86_400_000 + 5000).toISOString(), t0.getTime())).toBe("expires in 12 days");
    expect(countdownWords(new Date(t0.getTime() + 5 * 3_600_000).toISOString(), t0.getTime())).toBe("expires in 5 hours");
    expect(countdownWords(new Date(t0.getTime() - 86_400_000).toISOString(), t0.getTime())).toBe("expired 1 day ago");
  });
  it("alerts at the warning period, then 7 and 1 days", () => {
    expect(expiryThresholds(14)).toEqual([14, 7, 1]);
    expect(expiryThresholds(30)).toEqual([30, 14, 7, 1]);
    expect(expiryThresholds(5)).toEqual([5, 1]);
  });
  it("backs off exponentially with jitter, capped at two hours", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(120_000);
    expect(retryDelayMs(20, () => 0.5)).toBe(7_200_000);
  });
});
