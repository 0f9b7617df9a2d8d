import { expect, test } from "@playwright/test";
import { createConsumerOnSandbox, logInOnBitbucketIfAsked, openSection, REPOSITORY_SYNC, startSetup as startSetupIn, verifyCredentials } from "./support/connection";
import { APP_URL, EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance, bob has signed in once). It uses
// its own organization, so it needs nothing from the other files. The tests build on
// each other (the organization, then its connections), so they run in order.

const ORG = { name: "Wizard Co", slug: "wizard-co" };
const REPOSITORY_SYNC_CHECKBOXES = ["Account: Read", "Repositories: Write", "Repositories: Admin", "Webhooks: Read and write"];
const API_URL = `${EMULATOR_URL}/2.0`;
const startSetup = (page: Parameters<typeof startSetupIn>[0], name: string, options?: { sandboxHostInStep1?: boolean }) => startSetupIn(page, ORG.slug, name, options);

test.describe.serial("guided Bitbucket Cloud setup", () => {
  test("a newcomer goes from a new organization to a connected Bitbucket account", async ({ page }) => {
    await signIn(page, "alice");
    await page.getByLabel("Organization name").fill(ORG.name);
    await expect(page.getByLabel("Slug")).toHaveValue(ORG.slug);
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${ORG.slug}/integrations/bitbucket-cloud/new$`));

    // Integrations: Bitbucket Cloud is available, the others are marked as not yet.
    await page.getByRole("link", { name: "← Integrations" }).click();
    const providers = page.getByRole("list", { name: "Providers" });
    await expect(providers.getByRole("listitem").filter({ hasText: "GitHub" })).toContainText("Not yet available");
    await page.getByRole("link", { name: /^Set up/ }).click();

    // Step 1: what it is for, with the exact checkboxes it needs.
    await page.getByRole("radio", { name: "Custom" }).check();
    await expect(page.getByRole("group", { name: "Webhooks" }).getByLabel("Webhooks: Read and write")).toBeVisible();
    const profile = page.getByRole("radio", { name: REPOSITORY_SYNC });
    await profile.check();
    await expect(page.getByRole("group", { name: "Webhooks" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: `Permissions for ${REPOSITORY_SYNC}` }).getByRole("listitem")).toHaveText(
      REPOSITORY_SYNC_CHECKBOXES,
    );
    await page.getByLabel("Connection name").fill("Docs sync");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Docs sync" })).toBeVisible();

    // Step 2: the sandbox as Bitbucket host, then the deep link to its "Add consumer" page.
    await page.locator("summary", { hasText: "Customize settings" }).click();
    await page.getByLabel("Host URL").fill(EMULATOR_URL);
    await expect(page.getByLabel("API URL")).toHaveValue(API_URL);
    await page.getByLabel("Workspace", { exact: true }).selectOption({ label: "Acme Inc (acme)" });
    const consumerName = await page.getByLabel("Name", { exact: true }).inputValue();
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    expect(callbackUrl).toMatch(new RegExp(`^${APP_URL}/callback/v1/vcs/[^/]+$`));
    const checkboxes = await page.getByRole("list", { name: "Permissions to tick" }).getByRole("listitem").allInnerTexts();
    expect(checkboxes).toEqual(REPOSITORY_SYNC_CHECKBOXES);

    const popupPromise = page.waitForEvent("popup");
    await page.getByRole("link", { name: /Add consumer/ }).click();
    const bitbucket = await popupPromise;
    await logInOnBitbucketIfAsked(bitbucket, () => bitbucket.getByRole("heading", { name: "Add OAuth consumer" }));
    expect(bitbucket.url()).toBe(`${EMULATOR_URL}/acme/workspace/settings/oauth-consumers/new`);
    await bitbucket.getByLabel("Name", { exact: true }).fill(consumerName);
    await bitbucket.getByLabel("Callback URL").fill(callbackUrl);
    await bitbucket.getByLabel("This is a private consumer").check();
    for (const checkbox of checkboxes) await bitbucket.getByLabel(checkbox, { exact: true }).check();
    await bitbucket.getByRole("button", { name: "Save" }).click();
    const consumer = bitbucket.getByTestId("consumer").filter({ has: bitbucket.getByTestId("consumer-name").getByText(consumerName, { exact: true }) });
    await expect(consumer).toBeVisible();
    const key = (await consumer.getByTestId("consumer-key").innerText()).trim();
    await consumer.getByText("Show secret").click();
    const secret = (await consumer.getByTestId("consumer-secret").innerText()).trim();
    await bitbucket.close();

    // Step 3: key and secret, verified against the sandbox.
    await verifyCredentials(page, key, secret);
    await expect(page.getByText("Key and secret verified")).toBeVisible();
    await expect(page.getByTestId("step-4")).toHaveAttribute("data-state", "current");

    // Step 4: Connect, Grant access, back with the account and the grant.
    await page.getByRole("link", { name: "Connect", exact: true }).click();
    await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
    await page.getByRole("button", { name: "Grant access" }).click();

    await expect(page).toHaveURL(/\?result=connected$/);
    const result = page.getByTestId("connect-result");
    await expect(result.getByRole("heading", { name: "Connected", exact: true })).toBeVisible();
    await expect(result.getByRole("link", { name: "add projects" })).toHaveAttribute("href", `/orgs/${ORG.slug}/projects`);
    // The account and the permissions, once, under Health.
    const health = page.getByRole("region", { name: "Health", exact: true });
    await expect(page.getByTestId("bitbucket-account")).toHaveCount(1);
    await expect(health.getByTestId("bitbucket-account")).toContainText("Alice Anderson");
    await expect(health.getByTestId("health-permissions")).toContainText("All 4 required granted");
    await health.getByTestId("health-permissions").locator("summary").click();
    const granted = health.getByRole("list", { name: "Required permissions" });
    for (const checkbox of REPOSITORY_SYNC_CHECKBOXES) await expect(granted).toContainText(`${checkbox} (granted)`);
    await expect(page.getByTestId("key-last4")).toHaveText(`••••${key.slice(-4)}`);
  });

  test("a wrong secret is reported on the Secret field, and the draft survives a reload", async ({ page, request }) => {
    await signIn(page, "alice");
    await startSetup(page, "Wrong secret", { sandboxHostInStep1: true });
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    const consumer = await createConsumerOnSandbox(request, { name: "Wrong secret", callbackUrl, scopes: ["account", "repository:write", "repository:admin", "webhook"] });

    await verifyCredentials(page, consumer.key, "not-the-secret");
    const secretField = page.getByLabel("Secret", { exact: true });
    await expect(secretField).toHaveAccessibleDescription(/Bitbucket rejected the secret for this key/);
    await expect(secretField).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Key", { exact: true })).toHaveValue(consumer.key);
    await expect(secretField).toHaveValue("not-the-secret");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Wrong secret" })).toBeVisible();
    await expect(page.getByLabel("Key", { exact: true })).toHaveAccessibleDescription(new RegExp(`••••${consumer.key.slice(-4)}`));
    await expect(page.getByLabel("Secret", { exact: true })).toHaveAccessibleDescription(/Bitbucket rejected the secret for this key/);

    // With the key kept, the right secret alone finishes step 3.
    await page.getByLabel("Secret", { exact: true }).fill(consumer.secret);
    await page.getByRole("button", { name: "Verify key and secret" }).click();
    await expect(page.getByText("Key and secret verified")).toBeVisible();

    // Once stored, the secret (and the full key) reach no page the app serves.
    const connectionPath = new URL(page.url()).pathname;
    for (const path of [connectionPath, `/orgs/${ORG.slug}/connections`, `/orgs/${ORG.slug}/audit`, `/orgs/${ORG.slug}/integrations`]) {
      const html = await (await page.request.get(path)).text();
      expect(html, path).not.toContain(consumer.secret);
      expect(html, path).not.toContain(consumer.key);
    }
  });

  test("cancelling on Bitbucket's consent page comes back with the reason and Connect again", async ({ page, request }) => {
    await signIn(page, "alice");
    await startSetup(page, "Cancelled", { sandboxHostInStep1: true });
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    const consumer = await createConsumerOnSandbox(request, { name: "Cancelled", callbackUrl, scopes: ["account", "repository:write", "repository:admin", "webhook"] });
    await verifyCredentials(page, consumer.key, consumer.secret);
    await expect(page.getByText("Key and secret verified")).toBeVisible();

    await page.getByRole("link", { name: "Connect", exact: true }).click();
    await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Cancel" }));
    await page.getByRole("button", { name: "Cancel" }).click();

    await expect(page).toHaveURL(/\?result=consent_cancelled$/);
    await expect(page.getByTestId("connect-error")).toContainText("Cancel was chosen");
    await expect(page.getByTestId("step-4")).toHaveAttribute("data-state", "current");
    await expect(page.getByRole("link", { name: "Connect", exact: true })).toBeVisible();
  });

  test("a consumer without the Webhooks permission connects with that permission named as missing", async ({ page, request }) => {
    await signIn(page, "alice");
    await startSetup(page, "No webhooks", { sandboxHostInStep1: true });
    const callbackUrl = await page.getByLabel("Callback URL").inputValue();
    const consumer = await createConsumerOnSandbox(request, { name: "No webhooks", callbackUrl, scopes: ["account", "repository:write", "repository:admin"] });
    await verifyCredentials(page, consumer.key, consumer.secret);
    await expect(page.getByText("Key and secret verified")).toBeVisible();

    await page.getByRole("link", { name: "Connect", exact: true }).click();
    await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
    await page.getByRole("button", { name: "Grant access" }).click();

    await expect(page).toHaveURL(/\?result=missing_permissions$/);
    const result = page.getByTestId("connect-result");
    await expect(result.getByRole("heading", { name: "Connected, missing permissions" })).toBeVisible();
    await expect(result.getByRole("list", { name: "Missing permissions" }).getByRole("listitem")).toHaveText(["Webhooks: Read and write (missing)"]);
    await expect(result.getByRole("link", { name: "Reconnect" })).toBeVisible();
  });

  test("a member sees a connection read-only", async ({ page, browser }) => {
    await signIn(page, "alice");
    await page.goto(`/orgs/${ORG.slug}/members`);
    await page.getByLabel("Email").fill("bob@acme.example");
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
    await page.getByRole("button", { name: "Save member" }).click();
    await expect(page.getByRole("status")).toContainText("bob@acme.example is now a member.");

    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await signIn(bob, "bob");
    await bob.goto(`/orgs/${ORG.slug}/connections`);
    await bob.getByRole("link", { name: "Docs sync" }).click();
    await expect(bob.getByRole("heading", { level: 1, name: "Docs sync" })).toBeVisible();

    const health = bob.getByRole("region", { name: "Health", exact: true });
    await expect(health.getByTestId("health-status")).toHaveText("Connected");
    await expect(health.getByTestId("health-account")).toContainText("Alice Anderson");
    await health.getByTestId("health-permissions").locator("summary").click();
    const required = bob.getByRole("list", { name: "Required permissions" });
    for (const checkbox of REPOSITORY_SYNC_CHECKBOXES) await expect(required).toContainText(checkbox);
    // A member reads the consumer's facts; the forms are not there.
    await expect(bob.getByTestId("key-last4")).toHaveText(/^••••.{4}$/);
    const consumer = await openSection(bob, "Consumer");
    await expect(consumer.getByLabel("Callback URL")).toBeVisible();
    await expect(bob.getByRole("heading", { name: "Key and secret" })).toHaveCount(0);
    await expect(bob.getByRole("heading", { name: "Danger zone" })).toHaveCount(0);

    await expect(bob.getByLabel("Key", { exact: true })).toHaveCount(0);
    await expect(bob.getByLabel("Secret", { exact: true })).toHaveCount(0);
    await expect(bob.getByLabel("Connection name")).toHaveCount(0);
    for (const name of [/Rotate/, /Disconnect/, /Delete/, /Reconnect/, /^Connect$/]) {
      await expect(bob.getByRole("button", { name })).toHaveCount(0);
      await expect(bob.getByRole("link", { name })).toHaveCount(0);
    }
    await bobContext.close();
  });
});
