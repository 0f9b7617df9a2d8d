import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addMember, connectSandboxConnection, createOrganization, logInOnBitbucketIfAsked, openSection } from "./support/connection";
import { EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance, bob has signed in once), in its own
// organization. The tests build on each other (one connection, revoked, reconnected,
// failing, recovered), so they run in order. The test app sweeps every 5 seconds.

const ORG = { name: "Health Co", slug: "health-co" };
const NAME = "Orders sync";
const LIVE = { timeout: 30_000 };

let connectionUrl = "";
let consumerKey = "";
// The sandbox's control API takes JSON requests only, even bodyless ones.
const JSON_REQUEST = { "content-type": "application/json" };

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.afterAll(async ({ playwright }) => {
  // Faults are global to the sandbox: never leave one behind for the next file.
  const api = await playwright.request.newContext();
  await api.delete(`${EMULATOR_URL}/_emulator/faults`, { headers: JSON_REQUEST });
  await api.dispose();
});

async function control(request: APIRequestContext, method: "post" | "delete", path: string, data?: object) {
  const response = await request[method](`${EMULATOR_URL}/_emulator/${path}`, { headers: JSON_REQUEST, ...(data ? { data } : {}) });
  expect(response.ok(), `${method.toUpperCase()} /_emulator/${path}`).toBe(true);
}

/** A value on `window` that only survives as long as the page is not reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { healthMarker?: string }).healthMarker = "not reloaded";
  });
}

async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { healthMarker?: string }).healthMarker)).toBe("not reloaded");
}

test("a member sees a connection's status change live on the status page", async ({ page, request, browser }) => {
  await signIn(page, "alice");
  await createOrganization(page, ORG.name, ORG.slug);
  ({ connectionUrl, consumerKey } = await connectSandboxConnection(page, request, ORG.slug, NAME));
  await addMember(page, ORG.slug, "bob@acme.example");

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, "bob");
  await bob.goto(`/orgs/${ORG.slug}/status`);
  const summary = bob.getByTestId("status-summary");
  await expect(summary).toHaveText("1 of 1 connection working");
  const row = bob.getByRole("listitem", { name: NAME, exact: true });
  await expect(row).toHaveAttribute("data-testid", "status-row");
  await expect(row.getByTestId("status-label")).toHaveText("Connected");
  // A member's card leads to the connection's page.
  await expect(row.getByRole("link", { name: NAME, exact: true })).toHaveAttribute("href", connectionUrl);
  await markPage(bob);

  await control(request, "post", "grants/revoke", { consumerKey });

  // The next sweep (every 5 s) finds the grant revoked; the board's next poll shows it, summary first.
  await expect(row.getByTestId("status-label")).toHaveText("Needs reauthorization", LIVE);
  await expect(summary).toHaveText("0 of 1 connection working; 1 needs attention");
  await expectNotReloaded(bob);

  await row.getByRole("link", { name: NAME, exact: true }).click();
  await expect(bob).toHaveURL(connectionUrl);
  await expect(bob.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await bobContext.close();
});

test("the admin sees why it needs reauthorization, and Reconnect fixes it", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto(connectionUrl);
  const health = page.getByRole("region", { name: "Health", exact: true });
  await expect(health.getByTestId("health-status")).toHaveText("Needs reauthorization");
  const reason = health.getByTestId("health-reason");
  await expect(reason).toContainText("Bitbucket no longer accepts this connection's authorization");
  await expect(reason).toContainText("Choose Reconnect and grant access again.");

  // The timeline names the change and its reason; the audit list records it, by the system.
  await openSection(health, "Timeline");
  await openSection(health, "Recent audit events");
  const change = health.getByTestId("timeline-event").filter({ hasText: "Status change" }).first();
  await expect(change.getByTestId("status-change")).toHaveText(/Connected.*Needs reauthorization/);
  await expect(change).toContainText("Bitbucket no longer accepts");
  await expect(health.getByTestId("audit-event").filter({ hasText: "Status changed" }).first()).toContainText("system");

  await health.getByRole("link", { name: "Reconnect", exact: true }).click();
  await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
  await page.getByRole("button", { name: "Grant access" }).click();

  await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected" })).toBeVisible();
  await expect(health.getByTestId("health-status")).toHaveText("Connected");
  await expect(health.getByTestId("health-reason")).toHaveCount(0);
  await expect(health.getByTestId("health-account")).toContainText("Alice Anderson");
});

test("the admin health panel: last check, token expiry, Check now, a failing API and recovery, without reload", async ({ page, request }) => {
  await signIn(page, "alice");
  await page.goto(connectionUrl);
  await markPage(page);
  const health = page.getByRole("region", { name: "Health", exact: true });
  const status = health.getByTestId("health-status");
  const checkNow = health.getByRole("button", { name: "Check now" });
  await expect(status).toHaveText("Connected");
  await expect(health.getByTestId("token-expiry")).toContainText(/\(in \d+ (min|h)\)/);
  await openSection(health, "Timeline");

  // Check now: a passing check, shown as the last check and in the timeline with its latency.
  await checkNow.click();
  const passed = health.getByRole("status").filter({ hasText: /^Check passed in \d+ ms\.$/ });
  await expect(passed).toBeVisible();
  const latency = /(\d+ ms)/.exec(await passed.innerText())![1]!;
  await expect(health.getByTestId("last-check").getByTestId("result")).toHaveText("OK", LIVE);
  await expect(health.getByTestId("last-check").getByTestId("latency")).toHaveText(/^\d+ ms$/);
  await expect(
    health.locator('[data-testid="timeline-event"][data-kind="check"]').filter({ has: page.getByTestId("latency").getByText(latency, { exact: true }) }),
  ).not.toHaveCount(0, LIVE);

  // Bitbucket's API fails with 503 until told otherwise: after the failure threshold (3 in
  // a row, Check now's and the sweep's alike) the connection shows Error, with the reason.
  await control(request, "post", "faults", { target: "api", status: 503, times: 0 });
  try {
    await expect(async () => {
      await checkNow.click({ timeout: 10_000 });
      await expect(status).toHaveText("Error", { timeout: 6_000 });
    }).toPass(LIVE);
    const reason = health.getByTestId("health-reason");
    await expect(reason).toContainText("Bitbucket is busy or failing right now");
    await expect(reason).toContainText("This usually passes on its own");
    await expect(health.getByTestId("last-check").getByTestId("result")).toHaveText("Failed");
    const change = health.getByTestId("timeline-event").filter({ hasText: "Status change" }).first();
    await expect(change.getByTestId("status-change")).toHaveText(/Connected.*Error/);
    await expect(change).toContainText("Bitbucket is busy or failing right now");
    // The server-rendered page (its header) follows the poll.
    await expect(page.getByTestId("page-status")).toHaveText("Error", LIVE);
  } finally {
    await control(request, "delete", "faults");
  }

  // With Bitbucket answering again, a check brings it back.
  await expect(async () => {
    await checkNow.click({ timeout: 10_000 });
    await expect(status).toHaveText("Connected", { timeout: 6_000 });
  }).toPass(LIVE);
  await expect(health.getByTestId("health-reason")).toHaveCount(0);
  await expect(health.getByTestId("timeline-event").filter({ hasText: "Status change" }).first().getByTestId("status-change")).toHaveText(
    /Error.*Connected/,
  );
  await expect(page.getByTestId("page-status")).toHaveText("Connected", LIVE);
  await expectNotReloaded(page);
});

test("the rarely needed parts open from their sections: credentials, name, deleting", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto(connectionUrl);
  // Closed, the forms are out of the way; each opens where its heading says.
  await expect(page.getByLabel("Secret", { exact: true })).toBeHidden();
  await openSection(page, "Key and secret");
  await page.getByLabel("Secret", { exact: true }).focus();
  await expect(page.getByLabel("Secret", { exact: true })).toBeFocused();
  await expect(page.getByRole("button", { name: "Rotate secret" })).toBeVisible();
  await openSection(page, "Name");
  await expect(page.getByLabel("Connection name")).toHaveValue(NAME);
  await openSection(page, "Danger zone");
  await expect(page.getByRole("button", { name: "Delete connection" })).toBeVisible();
  // Disconnect is among the health actions, asking inline.
  await page.getByRole("region", { name: "Health", exact: true }).getByRole("group", { name: "Health actions" }).getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("group", { name: `Disconnect “${NAME}”?` })).toContainText("still lists this app among its authorizations");
  await page.getByRole("button", { name: "Cancel" }).click();
});

test("the public status page shows names and statuses to anyone, nothing more", async ({ page, browser }) => {
  await signIn(page, "alice");
  await page.goto(`/orgs/${ORG.slug}/settings`);
  await page.getByRole("button", { name: "Turn on a public status page" }).click();
  // Before anything is public, the admin reads what will be, and confirms.
  const explained = page.getByRole("group", { name: `Make ${ORG.name}'s status public?` });
  await expect(explained.getByText(`Make ${ORG.name}'s status public?`)).toBeFocused();
  await expect(explained.getByTestId("public-status-shows").getByRole("listitem")).toHaveText([
    `the organization's name, “${ORG.name}”`,
    "each connection's name",
    /^each connection's status and uptime/,
  ]);
  await expect(explained).toContainText("Nothing else: no Bitbucket accounts, addresses, keys or tokens, and no links into this dashboard.");
  const address = page.getByRole("textbox", { name: "Public status page" });
  await expect(address).toHaveCount(0);
  // Cancel changes nothing.
  await explained.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Turn on a public status page" })).toBeFocused();
  await expect(page.getByText("Off. Only members can see status.")).toBeVisible();
  await page.getByRole("button", { name: "Turn on a public status page" }).click();
  await explained.getByRole("button", { name: "Yes, make it public" }).click();
  await expect(address).toHaveValue(/\/status\/[\w-]+$/);
  const publicUrl = await address.inputValue();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(publicUrl);
  await expect(visitor).toHaveURL(publicUrl);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(ORG.name);
  await expect(visitor.getByTestId("status-summary")).toHaveText("1 of 1 connection working");
  const row = visitor.getByRole("listitem", { name: NAME, exact: true });
  await expect(row.getByTestId("status-label")).toHaveText("Connected");
  // Unlike a member's board, the cards lead nowhere.
  await expect(visitor.getByRole("link")).toHaveCount(0);

  const html = await visitor.content();
  for (const hidden of ["Alice Anderson", "@alice", consumerKey, EMULATOR_URL, "callback/v1", "connections/"]) {
    expect(html, `the public page must not contain ${hidden}`).not.toContain(hidden);
  }
  await visitorContext.close();
});

test("the connection page counts its consumer's Bitbucket calls, and an admin chooses how often checks run", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto(connectionUrl);
  const health = page.getByRole("region", { name: "Health", exact: true });
  await expect(health.getByTestId("consumer-usage")).toHaveText(/^[\d,]+ of 1,000 calls in the last hour$/);
  await expect(health.getByTestId("next-check")).not.toBeEmpty();

  await page.goto(`/orgs/${ORG.slug}/settings`);
  const interval = page.getByLabel("Check healthy connections at least every");
  await expect(interval).toHaveValue("3600");
  await interval.selectOption({ label: "4 hours (about 6 calls a day)" });
  await page.getByRole("button", { name: "Save interval" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Check healthy connections at least every")).toHaveValue("14400");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of [["settings", `/orgs/${ORG.slug}/settings`], ["connection", connectionUrl]] as const) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${width} px scrolls sideways`).toBe(true);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    }
  }
});

test("turning the public status page off is one click", async ({ page, browser }) => {
  await signIn(page, "alice");
  await page.goto(`/orgs/${ORG.slug}/settings`);
  const publicUrl = await page.getByRole("textbox", { name: "Public status page" }).inputValue();
  await page.getByRole("button", { name: "Turn off the public status page" }).click();
  await expect(page.getByText("Off. Only members can see status.")).toBeVisible();
  await expect(page.getByRole("group", { name: /status public\?$/ })).toHaveCount(0);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const response = await visitor.goto(publicUrl);
  expect(response?.status()).toBe(404);
  await visitorContext.close();
});
