import { expect, test, type Page } from "@playwright/test";
import { addMember, connectSandboxConnection, createOrganization } from "./support/connection";
import { APP_URL, EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Settings → Network in the sandbox, whose APP_URL (http://localhost:…) Bitbucket could never reach.
const ORG = { name: "Network Co", slug: "network-co" };
const REPOSITORY = { workspace: "acme", slug: "billing-service" };

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe.serial("the network page", () => {
  test("shows outbound hosts and egress addresses, the receiver, the loopback APP_URL warning and Bitbucket's ranges", async ({ page, request }) => {
    const errors: string[] = [];
    // The app's own pages: the sandbox's login page (its missing favicon) is not under test.
    page.on("console", (message) => {
      if (message.type() === "error" && message.location().url.startsWith(APP_URL)) errors.push(message.text());
    });
    await signIn(page, "alice");
    await createOrganization(page, ORG.name, ORG.slug);
    const { connectionUrl } = await connectSandboxConnection(page, request, ORG.slug, "Network sandbox");
    // The README shows a connection's page; this keeps a current picture of one.
    await page.goto(connectionUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "test-results/screenshots/connection-1280.png" });

    // The warning comes before any project is added.
    await page.goto(`/orgs/${ORG.slug}/projects/new`);
    const warning = page.getByRole("status").filter({ hasText: "Bitbucket cannot deliver webhooks to this instance" });
    await expect(warning).toContainText("APP_URL points at localhost, this machine's loopback address.");
    await page.getByLabel("Workspace").selectOption(REPOSITORY.workspace);
    await page.getByLabel("Search repositories").fill(REPOSITORY.slug);
    await page.getByRole("checkbox", { name: REPOSITORY.slug, exact: true }).check();
    await page.getByRole("button", { name: "Add 1 project" }).click();
    await expect(page.getByTestId("add-outcome")).toContainText("Webhook registered.");

    await page.goto(`/orgs/${ORG.slug}/settings`);
    await page.getByRole("link", { name: /^Network/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Network" })).toBeVisible();

    const outbound = page.getByRole("region", { name: "Outbound: what this instance calls" });
    await expect(outbound.getByRole("list", { name: "Outbound hosts" })).toContainText(EMULATOR_URL);
    await expect(outbound.getByRole("list", { name: "Outbound hosts" })).toContainText("Network sandbox (Host URL)");
    await expect(outbound.getByLabel("Addresses this instance calls from")).toHaveValue("203.0.113.10, 198.51.100.0/28");
    await expect(outbound.getByRole("link", { name: `${REPOSITORY.workspace}: Access controls on Bitbucket` })).toHaveAttribute(
      "href",
      `${EMULATOR_URL}/${REPOSITORY.workspace}/workspace/settings/access-controls`,
    );

    const inbound = page.getByRole("region", { name: "Inbound: what calls this instance" });
    await expect(inbound.getByRole("status").filter({ hasText: "Bitbucket cannot deliver webhooks to this instance" })).toContainText("loopback");
    await expect(inbound.getByLabel("Webhook receiver base URL")).toHaveValue(`${APP_URL}/api/webhooks/bitbucket/`);
    await expect(inbound).toContainText("2 ranges for Bitbucket");
    // Atlassian's date (UTC, written without a zone) in the reader's zone, named.
    await expect(inbound).toContainText(/published (Oct 31|Nov 1), 2026, [\d:]+ [AP]M (UTC|GMT[+-][\d:]+|[A-Z]{3,5})\. /);
    await inbound.getByText("Show the ranges").click();
    await expect(inbound.getByLabel("Bitbucket's address ranges")).toHaveText("104.192.136.0/21\n185.166.140.0/22");

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await noSidewaysScroll(page);
      await page.screenshot({ path: `test-results/screenshots/network-${width}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });

  test("the delivery log checks each delivery's source address against Bitbucket's ranges", async ({ page, request }) => {
    await signIn(page, "alice");
    const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${REPOSITORY.workspace}/${REPOSITORY.slug}/push`, { data: { branch: "network", commits: 1 } });
    expect(pushed.status()).toBe(202);
    await page.goto(`/orgs/${ORG.slug}/projects`);
    await page.getByRole("link", { name: `${REPOSITORY.workspace}/${REPOSITORY.slug}` }).click();
    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
    await expect(delivery).toContainText("network", { timeout: 15_000 });
    // The sandbox sends from this machine, which is not one of Atlassian's addresses.
    await expect(delivery.getByTestId("delivery-source")).toHaveText(/From (127\.0\.0\.1|::1)\s*Outside Bitbucket's ranges/);
  });

  test("is for owners and admins", async ({ page, browser }) => {
    await signIn(page, "alice");
    await addMember(page, ORG.slug, "bob@acme.example");
    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await signIn(bob, "bob");
    await bob.goto(`/orgs/${ORG.slug}/settings`);
    await expect(bob.getByRole("link", { name: /^Network/ })).toHaveCount(0);
    await bob.goto(`/orgs/${ORG.slug}/settings/network`);
    await expect(bob.getByText("Only owners and admins see the network settings.")).toBeVisible();
    await expect(bob.getByText(EMULATOR_URL)).toHaveCount(0);
    await bobContext.close();
  });
});
