import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { EMULATOR_URL } from "./environment";

export const REPOSITORY_SYNC = "Repository sync with webhooks";
export const REPOSITORY_SYNC_SCOPES = ["account", "repository:write", "repository:admin", "webhook"];

export async function createOrganization(page: Page, name: string, expectedSlug: string) {
  await page.goto("/dashboard");
  await page.getByLabel("Organization name").fill(name);
  await expect(page.getByLabel("Slug")).toHaveValue(expectedSlug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${expectedSlug}/integrations/bitbucket-cloud/new$`));
  await expect(page.getByRole("heading", { name: "Set up Bitbucket Cloud" })).toBeVisible();
}

export async function addMember(page: Page, orgSlug: string, email: string) {
  await page.goto(`/orgs/${orgSlug}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Save member" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is now a member.` })).toBeVisible();
}

/** Bitbucket's login page appears only when this browser has no sandbox session yet. */
export async function logInOnBitbucketIfAsked(page: Page, ready: () => ReturnType<Page["getByRole"]>, username = "alice") {
  const login = page.getByRole("heading", { name: "Log in to Bitbucket" });
  await expect(login.or(ready())).toBeVisible();
  if (await login.isVisible()) {
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(`${username}-pass`);
    await page.getByRole("button", { name: "Log in" }).click();
  }
  await expect(ready()).toBeVisible();
}

/** Step 1 from the organization's Integrations page; optionally with the sandbox as host right away. */
export async function startSetup(page: Page, orgSlug: string, name: string, options: { sandboxHostInStep1?: boolean } = {}) {
  await page.goto(`/orgs/${orgSlug}/integrations`);
  await page.getByRole("link", { name: /^Set up/ }).click();
  await expect(page.getByRole("heading", { name: "Set up Bitbucket Cloud" })).toBeVisible();
  await page.getByRole("radio", { name: REPOSITORY_SYNC }).check();
  await page.getByLabel("Connection name").fill(name);
  if (options.sandboxHostInStep1) {
    await page.locator("summary", { hasText: "Customize settings" }).click();
    await page.getByLabel("Host URL").fill(EMULATOR_URL);
    await expect(page.getByLabel("API URL")).toHaveValue(`${EMULATOR_URL}/2.0`);
  }
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgSlug}/connections/[^/?]+$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

export async function createConsumerOnSandbox(request: APIRequestContext, consumer: { name: string; callbackUrl: string; scopes: string[] }) {
  const response = await request.post(`${EMULATOR_URL}/_emulator/consumers`, { data: { workspace: "acme", isPrivate: true, ...consumer } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { key: string; secret: string };
}

export async function verifyCredentials(page: Page, key: string, secret: string) {
  await page.getByLabel("Key", { exact: true }).fill(key);
  await page.getByLabel("Secret", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Verify key and secret" }).click();
}

/**
 * The short way to a connected connection for tests about what comes after: the consumer
 * is created through the sandbox's control API; everything on the app's side is the UI.
 */
export async function connectSandboxConnection(page: Page, request: APIRequestContext, orgSlug: string, name: string, scopes = REPOSITORY_SYNC_SCOPES) {
  await startSetup(page, orgSlug, name, { sandboxHostInStep1: true });
  const connectionUrl = new URL(page.url()).pathname;
  const callbackUrl = await page.getByLabel("Callback URL").inputValue();
  const consumer = await createConsumerOnSandbox(request, { name, callbackUrl, scopes });
  await verifyCredentials(page, consumer.key, consumer.secret);
  await expect(page.getByText("Key and secret verified")).toBeVisible();
  // The button says where the tokens will go before anyone authorizes.
  await expect(page.getByTestId("token-destination").first()).toHaveText(`Tokens are issued by ${new URL(EMULATOR_URL).host} and sent only to ${new URL(EMULATOR_URL).host}.`);
  await page.getByRole("link", { name: "Connect", exact: true }).click();
  await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected" })).toBeVisible();
  return { connectionUrl, consumerKey: consumer.key };
}

/** Opens a disclosure on the connection page (the section named by its heading), if it is closed. */
export async function openSection(scope: Page | Locator, title: string) {
  const page = "page" in scope ? scope.page() : scope;
  const details = scope.locator("details").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  await expect(details).toHaveAttribute("open", "");
  return details;
}
