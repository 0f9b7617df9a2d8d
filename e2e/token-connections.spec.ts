import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createOrganization, logInOnBitbucketIfAsked, REPOSITORY_SYNC } from "./support/connection";
import { EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts. Each kind of token from the guided setup (with the page on
// Bitbucket that it links to) to a project whose webhook receives a push.

const SHOTS = process.env.SHOTS_DIR;

/** Collects Content-Security-Policy violations on every page the test opens. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

/** No CSP violations; nothing wider than the viewport at 1280 and 390 px; with SHOTS_DIR set, a screenshot of each. */
async function checkWidths(page: Page, name: string) {
  expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []), `${name}: CSP violations`).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function chooseKind(page: Page, orgSlug: string, kind: "Access token" | "API token", name: string) {
  await page.goto(`/orgs/${orgSlug}/integrations`);
  await page.getByRole("link", { name: /^Set up/ }).click();
  await page.getByRole("navigation", { name: "Connect with" }).getByRole("link", { name: new RegExp(`^${kind}`) }).click();
  await expect(page.getByRole("link", { name: new RegExp(`^${kind}`) })).toHaveAttribute("aria-current", "page");
  await page.getByRole("radio", { name: REPOSITORY_SYNC }).check();
  await page.getByLabel("Connection name").fill(name);
  await page.locator("summary", { hasText: "Customize settings" }).click();
  await page.getByLabel("Host URL").fill(EMULATOR_URL);
}

/** Bitbucket's form, filled the way the app's guide says: the permissions it lists, the expiry. */
async function createOnBitbucket(page: Page, href: string, tokenName: string, tick: (bitbucket: Page) => Promise<void>) {
  const bitbucket = await page.context().newPage();
  await bitbucket.goto(href);
  await logInOnBitbucketIfAsked(bitbucket, () => bitbucket.getByRole("heading", { name: /^(Access|API) tokens$/ }));
  await bitbucket.getByLabel("Name").fill(tokenName);
  await bitbucket.getByLabel("Expiry", { exact: true }).selectOption("180");
  await tick(bitbucket);
  await bitbucket.getByRole("button", { name: "Create" }).click();
  const token = (await bitbucket.getByTestId("new-token").innerText()).trim();
  await bitbucket.close();
  return token;
}

async function addProjectAndReceivePush(page: Page, request: APIRequestContext, orgSlug: string, workspace: string, repository: string) {
  await page.goto(`/orgs/${orgSlug}/projects/new`);
  await page.getByLabel("Workspace").selectOption(workspace);
  await page.getByRole("checkbox", { name: repository, exact: true }).check();
  await page.getByRole("button", { name: "Add 1 project" }).click();
  const outcome = page.getByTestId("add-outcome").filter({ hasText: `${workspace}/${repository}` });
  await expect(outcome).toContainText("Webhook registered.");
  await outcome.getByRole("link", { name: `${workspace}/${repository}` }).click();
  const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${workspace}/${repository}/push`, {
    data: { branch: "main", commits: 1, message: `Pushed through a ${orgSlug} token` },
  });
  expect(pushed.status()).toBe(202);
  const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
  await expect(delivery).toContainText(`Pushed through a ${orgSlug} token`, { timeout: 15_000 });
  await expect(delivery).toContainText("Verified");
}

test.describe.serial("connections with access tokens and API tokens", () => {
  test("a repository access token: Bitbucket's page from the guide, errors on the right field, a project with a webhook", async ({ page, request }) => {
    const org = { name: "Access Token Co", slug: "access-token-co" };
    await recordViolations(page);
    await signIn(page, "alice");
    await createOrganization(page, org.name, org.slug);
    await chooseKind(page, org.slug, "Access token", "Inventory bot");
    await page.getByRole("radio", { name: "A repository" }).check();
    // alice's own workspaces on the sandbox, where she signed in, are offered.
    await page.getByLabel("Workspace", { exact: true }).selectOption({ label: "Acme Inc (acme)" });
    await page.getByLabel("Repository", { exact: true }).fill("inventory");
    const link = page.getByTestId("token-page-link");
    await expect(link).toHaveAttribute("href", `${EMULATOR_URL}/acme/inventory/admin/access-tokens`);
    const permissions = await page.getByRole("list", { name: "Permissions to tick on Bitbucket" }).getByRole("listitem").allInnerTexts();
    expect(permissions).toEqual(["Repositories: Write", "Repositories: Admin", "Webhooks: Read and write"]);
    await checkWidths(page, "setup-access-token");

    const token = await createOnBitbucket(page, (await link.getAttribute("href"))!, "Inventory bot", async (bitbucket) => {
      for (const permission of permissions) await bitbucket.getByRole("checkbox", { name: permission }).check();
    });
    await page.getByLabel("Access token").fill(token);
    await page.getByRole("radio", { name: "180 days" }).check();

    // The token belongs to inventory: another repository is refused, under that field.
    await page.getByLabel("Repository", { exact: true }).fill("docs");
    await page.getByRole("button", { name: "Verify and save" }).click();
    await expect(page.locator("#token-repository-error")).toContainText("This token does not belong to that repository");
    await expect(page).toHaveURL(/\/integrations\/bitbucket-cloud\/new/);
    await checkWidths(page, "setup-access-token-error");

    await page.getByLabel("Repository", { exact: true }).fill("inventory");
    await page.getByRole("button", { name: "Verify and save" }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/connections/[^/?]+$`));
    await expect(page.getByRole("heading", { level: 1, name: "Inventory bot" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Access token" })).toContainText("Repository acme/inventory");
    await expect(page.getByTestId("credential-end")).toContainText("Expires in 180 days");
    // The end's date and time name the reader's zone.
    await expect(page.getByTestId("credential-end").getByTestId("credential-countdown")).toHaveText(/\d:\d\d [AP]M (UTC|GMT[+-][\d:]+|[A-Z]{3,5})\)$/);
    expect(await page.content()).not.toContain(token);
    await checkWidths(page, "connection-access-token");

    await addProjectAndReceivePush(page, request, org.slug, "acme", "inventory");
  });

  test("an API token: the email, not the username; scopes in Atlassian's words; a project with a webhook", async ({ page, request }) => {
    const org = { name: "API Token Co", slug: "api-token-co" };
    await recordViolations(page);
    await signIn(page, "alice");
    await createOrganization(page, org.name, org.slug);
    await chooseKind(page, org.slug, "API token", "Alice's API token");
    const link = page.getByTestId("token-page-link");
    await expect(link).toHaveAttribute("href", `${EMULATOR_URL}/account/settings/api-tokens`);
    const scopes = (await page.getByRole("list", { name: "Permissions to tick on Bitbucket" }).getByRole("listitem").allInnerTexts()).map(
      (text) => /\(([^)]+)\)\s*$/.exec(text)?.[1] ?? text,
    );
    expect(scopes).toContain("read:repository:bitbucket");
    expect(scopes).toContain("write:webhook:bitbucket");
    await checkWidths(page, "setup-api-token");

    const token = await createOnBitbucket(page, (await link.getAttribute("href"))!, "vcs-connect", async (bitbucket) => {
      for (const scope of scopes) await bitbucket.locator(`input[name="scopes"][value="${scope}"]`).check();
    });
    await page.getByLabel("API token").fill(token);
    await page.getByRole("radio", { name: "180 days" }).check();

    // The most common mistake: the Bitbucket username where the email belongs.
    await page.getByLabel("Email").fill("alice");
    await page.getByRole("button", { name: "Verify and save" }).click();
    await expect(page.locator("#token-email-error")).toContainText("This is a username");
    await checkWidths(page, "setup-api-token-error");

    await page.getByLabel("Email").fill("alice@acme.example");
    await page.getByRole("button", { name: "Verify and save" }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/connections/[^/?]+$`));
    await expect(page.getByRole("region", { name: "API token" })).toContainText("alice@acme.example");
    await expect(page.getByTestId("credential-end")).toContainText("Expires in 180 days");
    expect(await page.content()).not.toContain(token);
    await checkWidths(page, "connection-api-token");

    await addProjectAndReceivePush(page, request, org.slug, "acme", "billing-service");
  });
});
