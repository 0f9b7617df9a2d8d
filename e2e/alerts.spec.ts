import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startSmtpServer, startWebhookReceiver } from "../test/alert-receivers";
import { connectSandboxConnection, createOrganization } from "./support/connection";
import { ALERT_RECEIVER_PORT, EMULATOR_URL, SMTP_PORT } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts, in its own organization. A connection's refresh token ends
// 90 days after its last use: the test moves that last use back in the app's database
// (and, for the end itself, the sandbox's clock forward), and the sweep (every 5 s) and
// the alert sender (every 2 s) do the rest. Screenshots go to /work/shots when it exists.

const ORG = { name: "Alerts Co", slug: "alerts-co" };
const NAME = "Deploy bot";
const LIVE = { timeout: 30_000 };
const DAY = 86_400_000;
const SHOTS = process.env.SHOTS_DIR;

test.describe.configure({ mode: "serial", timeout: 120_000 });

let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let connectionId = "";

test.beforeAll(async () => {
  hooks = await startWebhookReceiver(ALERT_RECEIVER_PORT);
  smtp = await startSmtpServer(SMTP_PORT);
});
test.afterAll(async () => {
  await Promise.all([hooks?.close(), smtp?.close()]);
});

/** Moves the grant's last use `days` back, as if nothing had refreshed it since. */
function lastUsedDaysAgo(days: number) {
  const file = new Database("data/e2e.db");
  try {
    const row = file.prepare("SELECT createdAt FROM VcsGrant WHERE connectionId = ?").get(connectionId) as { createdAt: string | number };
    const at = Date.now() - days * DAY;
    const stored = (ms: number) => (typeof row.createdAt === "number" ? ms : new Date(ms).toISOString().replace(/Z$/, String(row.createdAt).endsWith("Z") ? "Z" : "+00:00"));
    file.prepare("UPDATE VcsGrant SET createdAt = ?, refreshedAt = ? WHERE connectionId = ?").run(stored(at), stored(at), connectionId);
    // The refresh token's end is stored with the connection: 90 days after that last use.
    file.prepare("UPDATE VcsConnection SET credentialExpiresAt = ? WHERE id = ?").run(stored(at + 90 * DAY), connectionId);
  } finally {
    file.close();
  }
}

/** The organization's warning window, as an admin sets it under Settings → Alerts. */
function warnDaysBefore(days: number) {
  const file = new Database("data/e2e.db");
  try {
    file.prepare("UPDATE Organization SET expiryWarningDays = ? WHERE slug = ?").run(days, ORG.slug);
  } finally {
    file.close();
  }
}

async function control(request: APIRequestContext, path: string, data: object) {
  const response = await request.post(`${EMULATOR_URL}/_emulator/${path}`, { headers: { "content-type": "application/json" }, data });
  expect(response.ok(), `POST /_emulator/${path}`).toBe(true);
}

async function statusRow(page: Page) {
  await page.goto(`/orgs/${ORG.slug}/status`);
  return page.getByRole("listitem", { name: NAME, exact: true });
}

test("alerts settings: destinations are added, tested, logged and removed", async ({ page, request }) => {
  await signIn(page, "alice");
  await createOrganization(page, ORG.name, ORG.slug);
  const { connectionUrl } = await connectSandboxConnection(page, request, ORG.slug, NAME);
  connectionId = connectionUrl.split("/").at(-1)!;
  // From here on the pages are the app's own (the sandbox's login page has no favicon).
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.text()} at ${message.location().url}`);
  });

  await page.goto(`/orgs/${ORG.slug}/settings`);
  await page.getByRole("link", { name: /Alerts/ }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

  // A URL the guard refuses is named on its field.
  await page.getByRole("textbox", { name: "Webhook URL" }).fill("ftp://example.com/hook");
  await page.getByRole("button", { name: "Add destination" }).click();
  await expect(page.locator("#alert-url-error")).toBeVisible();

  await page.getByLabel("Message format").selectOption("slack");
  await page.getByRole("textbox", { name: "Webhook URL" }).fill(`${hooks.url}/services/T000/B000/slack`);
  await page.getByRole("button", { name: "Add destination" }).click();
  const destinations = page.getByRole("list", { name: "Alert destinations" });
  await expect(destinations.getByText(/^Slack · 127\.0\.0\.1/)).toBeVisible();
  await page.getByRole("radio", { name: /An e-mail address/ }).check();
  await page.getByRole("textbox", { name: "E-mail address" }).fill("oncall@alerts.example");
  await page.getByRole("button", { name: "Add destination" }).click();
  await expect(destinations.getByText("oncall@alerts.example")).toBeVisible();

  await page.getByRole("button", { name: "Send test alert" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent to 2 destinations" })).toBeVisible(LIVE);
  const log = page.getByRole("list", { name: "Alert log" });
  await expect(log.getByText("Test alert").first()).toBeVisible();
  await expect(log.getByText(/Sent/)).toHaveCount(2);
  expect(JSON.parse(hooks.received.at(-1)!.body).text).toContain(`/orgs/${ORG.slug}/settings/alerts`);
  expect(smtp.messages.at(-1)!.to).toEqual(["oncall@alerts.example"]);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/alerts-settings-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Removing asks inline first.
  const emailRow = destinations.getByRole("listitem").filter({ hasText: "oncall@alerts.example" });
  await emailRow.getByRole("button", { name: "Remove" }).click();
  await emailRow.getByRole("button", { name: "Yes, remove" }).click();
  await expect(destinations.getByText("oncall@alerts.example")).toHaveCount(0);
  await page.getByRole("radio", { name: /An e-mail address/ }).check();
  await page.getByRole("textbox", { name: "E-mail address" }).fill("oncall@alerts.example");
  await page.getByRole("button", { name: "Add destination" }).click();
  await expect(destinations.getByText("oncall@alerts.example")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("a credential counts down on the status page, then expires on the sandbox's clock and the alert arrives with its fix link", async ({ page, request }) => {
  await signIn(page, "alice");
  const row = await statusRow(page);
  await expect(row.getByTestId("credential-countdown")).toContainText("Expires in 90 days");

  // Sixteen days left, inside a 20-day warning: a warning that breaks nothing. (From 75 days
  // without use the health check refreshes the token itself, which moves the end 90 days on.)
  warnDaysBefore(20);
  lastUsedDaysAgo(74);
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("status-label")).toHaveText("Expiring soon", { timeout: 1000 });
  }).toPass(LIVE);
  await expect(row.getByTestId("credential-countdown")).toContainText("Expires in 16 days");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/status-expiring.png`, fullPage: true });

  // Day 91 on both clocks: the sandbox refuses the refresh token, the app says expired.
  // The app's record first: a sweep in between marks it expired rather than trying it.
  lastUsedDaysAgo(91);
  await control(request, "clock", { advanceSeconds: 91 * 86_400 });
  await expect(row.getByTestId("status-label")).toHaveText("Expired", LIVE);
  await expect(row.getByTestId("credential-countdown")).toContainText("Expired 1 day ago");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/status-expired.png`, fullPage: true });

  const fixLink = `/orgs/${ORG.slug}/connections/${connectionId}`;
  await expect.poll(() => hooks.received.some((r) => r.body.includes(`${NAME}: expired`)), LIVE).toBe(true);
  const slack = JSON.parse(hooks.received.find((r) => r.body.includes(`${NAME}: expired`))!.body) as { text: string; blocks: { text?: { text: string } }[] };
  expect(slack.text).toContain(fixLink);
  expect(slack.blocks[0]!.text!.text).toContain("*Fix:* Choose Reconnect");
  await expect.poll(() => smtp.messages.some((m) => m.raw.includes(`${NAME}: expired`)), LIVE).toBe(true);
  const mail = smtp.messages.find((m) => m.raw.includes(`${NAME}: expired`))!.raw.replace(/=\r?\n/g, "");
  expect(mail).toContain(fixLink);
  // The alert that went out sixteen days before is there too.
  expect(hooks.received.some((r) => r.body.includes(`${NAME}: expires in 16 days`))).toBe(true);

  // The connection page says what to do.
  await page.goto(fixLink);
  await expect(page.getByTestId("credential-end")).toContainText("Expired 1 day ago");
});
