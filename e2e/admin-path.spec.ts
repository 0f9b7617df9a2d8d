import { expect, test, type Locator, type Page } from "@playwright/test";
import { createConsumerOnSandbox, createOrganization, REPOSITORY_SYNC_SCOPES, startSetup, verifyCredentials } from "./support/connection";
import { EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance), in its own organizations. The
// connection the first test makes is used by the ones after it, so they run in order.

const ORG = { name: "Path Co", slug: "path-co" };
const PERMISSIONS = ["Account: Read", "Repositories: Write", "Repositories: Admin", "Webhooks: Read and write"];
const shared: { connectionUrl?: string } = {};

/** Fails the test on any browser dialog: destructive actions confirm inline. */
function refuseDialogs(page: Page) {
  page.on("dialog", async (dialog) => {
    await dialog.dismiss();
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
}

test.describe.serial("the admin's path", () => {
  test("from signed in to Connected in the sandbox in at most 12 clicks, typing no host", async ({ page }) => {
    await signIn(page, "alice");
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks += 1;
      await target.click();
    };

    await page.getByLabel("Organization name").fill(ORG.name);
    await click(page.getByRole("button", { name: "Create organization" }));
    await expect(page.getByRole("heading", { name: "Set up Bitbucket Cloud" })).toBeVisible();
    // The host people sign in at (here the sandbox) is offered without opening anything.
    await expect(page.locator("summary", { hasText: "Customize settings" })).toContainText(`${EMULATOR_URL}, where you sign in`);
    await page.getByLabel("Connection name").fill("Path");
    await click(page.getByRole("button", { name: "Continue" }));
    await expect(page.getByRole("heading", { level: 1, name: "Path" })).toBeVisible();
    shared.connectionUrl = new URL(page.url()).pathname;
    await expect(page.getByText(`Checked against ${EMULATOR_URL} and ${EMULATOR_URL}/2.0.`)).toBeVisible();

    const consumerName = await page.getByLabel("Name", { exact: true }).inputValue();
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    // Before a workspace is chosen, the deep link is there, disabled, saying what it needs.
    await expect(page.getByRole("button", { name: /Add consumer/ })).toBeDisabled();
    await expect(page.getByRole("button", { name: /Add consumer/ })).toHaveAccessibleDescription("Choose a workspace first.");
    await page.getByLabel("Workspace", { exact: true }).selectOption({ label: "Acme Inc (acme)" });
    const popupPromise = page.waitForEvent("popup");
    await click(page.getByRole("link", { name: /Add consumer/ }));
    const bitbucket = await popupPromise;
    // Signed in with the sandbox already: no second login.
    await expect(bitbucket.getByRole("heading", { name: "Add OAuth consumer" })).toBeVisible();
    await bitbucket.getByLabel("Name", { exact: true }).fill(consumerName);
    await bitbucket.getByLabel("Callback URL").fill(callbackUrl);
    await click(bitbucket.getByLabel("This is a private consumer"));
    for (const permission of PERMISSIONS) await click(bitbucket.getByLabel(permission, { exact: true }));
    await click(bitbucket.getByRole("button", { name: "Save" }));
    const consumer = bitbucket.getByTestId("consumer").filter({ has: bitbucket.getByTestId("consumer-name").getByText(consumerName, { exact: true }) });
    const key = (await consumer.getByTestId("consumer-key").innerText()).trim();
    await click(consumer.getByText("Show secret"));
    const secret = (await consumer.getByTestId("consumer-secret").innerText()).trim();
    await bitbucket.close();

    await page.getByLabel("Key", { exact: true }).fill(key);
    await page.getByLabel("Secret", { exact: true }).fill(secret);
    const host = new URL(EMULATOR_URL).host;
    await expect(page.getByTestId("verify-connect-note")).toContainText(`Tokens are issued by ${host} and sent only to ${host}.`);
    await click(page.getByRole("button", { name: "Verify and connect" }));
    await click(page.getByRole("button", { name: "Grant access" }));
    await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected", exact: true })).toBeVisible();

    console.log(`clicks from signed in to Connected: ${clicks}`);
    expect(clicks).toBeLessThanOrEqual(12);
  });

  test("Disconnect asks inline, saying what goes and what is kept", async ({ page }) => {
    refuseDialogs(page);
    await signIn(page, "alice");
    await page.goto(shared.connectionUrl!);
    const open = page.getByRole("button", { name: "Disconnect", exact: true });
    await open.click();
    const confirm = page.getByRole("group", { name: "Disconnect “Path”?" });
    await expect(confirm).toContainText("tokens are deleted");
    await expect(confirm).toContainText("Kept: the key, secret and settings");
    await expect(confirm.getByRole("paragraph").first()).toBeFocused();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(open).toBeFocused();

    await open.click();
    await page.getByRole("button", { name: "Yes, disconnect" }).click();
    await expect(page.getByText("Disconnected", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Disconnect", exact: true })).toHaveCount(0);
  });

  test("Add projects does not offer repositories whose webhook Bitbucket would refuse", async ({ page, request }) => {
    await signIn(page, "alice");
    await createOrganization(page, "Access Co", "access-co");
    await startSetup(page, "access-co", "Access", { sandboxHostInStep1: true });
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    const consumer = await createConsumerOnSandbox(request, { name: "Access", callbackUrl, scopes: REPOSITORY_SYNC_SCOPES });
    await verifyCredentials(page, consumer.key, consumer.secret);
    await page.getByRole("link", { name: "Connect", exact: true }).click();
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected", exact: true })).toBeVisible();

    await page.goto("/orgs/access-co/projects/new");
    // alice is only a member of bigco: none of its repositories can take a webhook from her.
    await page.getByLabel("Workspace").selectOption("bigco");
    const bigco = page.getByRole("list", { name: "Repositories in bigco" });
    await expect(bigco.getByRole("checkbox")).toHaveCount(25);
    for (const checkbox of await bigco.getByRole("checkbox").all()) await expect(checkbox).toBeDisabled();
    await expect(bigco.getByRole("checkbox").first()).toHaveAccessibleDescription(/not an admin of this repository/);
    // In acme she is an admin: everything is offered.
    await page.getByLabel("Workspace").selectOption("acme");
    const acme = page.getByRole("list", { name: "Repositories in acme" });
    await expect(acme.getByRole("checkbox").first()).toBeEnabled();
    await expect(acme.getByTestId("needs-admin")).toHaveCount(0);
  });

  test("a failed change of key or secret takes back step 3's check and holds Connect", async ({ page, request }) => {
    await signIn(page, "alice");
    await page.goto(`/orgs/${ORG.slug}/integrations/bitbucket-cloud/new`);
    await startSetup(page, ORG.slug, "Second thoughts");
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    const consumer = await createConsumerOnSandbox(request, { name: "Second thoughts", callbackUrl, scopes: REPOSITORY_SYNC_SCOPES });
    await verifyCredentials(page, consumer.key, consumer.secret);
    await expect(page.getByText("Key and secret verified")).toBeVisible();
    await expect(page.getByTestId("step-3")).toHaveAttribute("data-state", "done");

    await page.getByRole("button", { name: "Change key or secret" }).click();
    await page.getByLabel("Secret", { exact: true }).fill("not-the-secret");
    await page.getByRole("button", { name: "Verify key and secret" }).click();
    await expect(page.getByLabel("Secret", { exact: true })).toHaveAccessibleDescription(/Bitbucket rejected the secret/);
    // Announced, and the cursor is where the fix goes.
    await expect(page.getByRole("alert").filter({ hasText: "Bitbucket rejected the secret" })).toHaveCount(1);
    await expect(page.getByLabel("Secret", { exact: true })).toBeFocused();
    await expect(page.getByTestId("step-3")).toHaveAttribute("data-state", "current");
    await expect(page.getByTestId("step-3")).not.toContainText("✓");
    await expect(page.getByRole("link", { name: "Connect", exact: true })).toHaveCount(0);

    // Cancel goes back to the saved, verified pair.
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("step-3")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("link", { name: "Connect", exact: true })).toBeVisible();
  });

  test("API tokens fit a 390 px screen, and Revoke asks inline", async ({ page }) => {
    refuseDialogs(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "alice");
    await page.goto(`/orgs/${ORG.slug}/settings/tokens`);
    await page.getByLabel("Name").fill("Narrow screen");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Token “Narrow screen” created" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: "Narrow screen" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const open = page.getByRole("button", { name: "Revoke token Narrow screen" });
    await open.click();
    const confirm = page.getByRole("group", { name: "Revoke “Narrow screen”?" });
    await expect(confirm).toContainText("Anything using it gets 401");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(open).toBeFocused();
    await open.click();
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Narrow screen" }).getByText(/^Revoked/)).toBeVisible();
  });
});
