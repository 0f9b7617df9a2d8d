import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEFAULT_EVENTS } from "../lib/projects/schemas";
import { addMember, connectSandboxConnection, createOrganization, logInOnBitbucketIfAsked, openSection } from "./support/connection";
import { APP_URL, EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance, bob has signed in once), in its
// own organization. The steps build on each other (the connection, then the project and
// its deliveries), so they run in order and share what they found in these variables.

const ORG = { name: "Projects Co", slug: "projects-co" };
// bigco has 1,500 repositories (named {word}-{kind}-{index}; "lumen-web" matches a handful);
// alice is only a member there, so the project comes from acme, where she is an admin.
const LARGE = { workspace: "bigco", search: "lumen-web" };
const WORKSPACE = "acme";
const REPOSITORY = "payments-api";
const FULL_NAME = `${WORKSPACE}/${REPOSITORY}`;
const PUSH = { branch: "feature/live-log", message: "Deliveries show up without a reload" };

const shared: { connectionUrl?: string; consumerKey?: string; projectUrl?: string; hookUrl?: string } = {};

type EmulatorHook = { uuid: string; url: string; events: string[]; repository: string };
async function ourHooks(request: APIRequestContext) {
  const response = await request.get(`${EMULATOR_URL}/_emulator/hooks`);
  expect(response.ok()).toBe(true);
  const { hooks } = (await response.json()) as { hooks: EmulatorHook[] };
  return hooks.filter((hook) => hook.repository === FULL_NAME && hook.url.startsWith(`${APP_URL}/api/webhooks/bitbucket/`));
}

const repositoryNames = (page: Page, workspace: string) => page.getByRole("list", { name: `Repositories in ${workspace}` }).getByRole("listitem").locator("label");
const projectsList = (page: Page) => page.getByRole("list", { name: "Projects" });

test.describe.serial("projects from repositories, with webhooks and a delivery log", () => {
  test("alice adds a repository of a large workspace and watches a push arrive live", async ({ page, request }) => {
    await signIn(page, "alice");
    await createOrganization(page, ORG.name, ORG.slug);
    Object.assign(shared, await connectSandboxConnection(page, request, ORG.slug, "Projects sandbox"));

    await page.goto(`/orgs/${ORG.slug}/projects`);
    await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
    await page.getByRole("link", { name: "Add projects" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${ORG.slug}/projects/new$`));
    await expect(page.getByLabel("Connection")).toHaveValue(/.+/);

    // Page 1 of 1,500 repositories, then page 2 (one request each on the server), and back.
    await page.getByLabel("Workspace").selectOption(LARGE.workspace);
    const status = page.getByTestId("page-status");
    const large = () => repositoryNames(page, LARGE.workspace);
    await expect(status).toHaveText(/^Page 1 of 60 · 1,500 repositories/);
    await expect(large()).toHaveCount(25);
    const firstOnPage1 = await large().first().innerText();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(status).toHaveText(/^Page 2 of 60/);
    await expect(large()).toHaveCount(25);
    await expect(large().first()).not.toHaveText(firstOnPage1);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(status).toHaveText(/^Page 1 of 60/);
    await expect(large().first()).toHaveText(firstOnPage1);
    await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();

    // A search narrows the list on the server.
    await page.getByLabel("Search repositories").fill(LARGE.search);
    await expect(status).toHaveText(/^Page 1 of 1 · \d repositories/);
    const names = await large().allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThan(25);
    for (const name of names) expect(name).toContain(LARGE.search);

    // The repository to add, found by a search in acme.
    await page.getByLabel("Workspace").selectOption(WORKSPACE);
    await expect(status).toHaveText(/^Page 1 of 1 · 25 repositories/);
    await expect(page.getByLabel("Search repositories")).toHaveValue("");
    await page.getByLabel("Search repositories").fill("payments");
    await expect(status).toHaveText(/^Page 1 of 1 · 1 repository$/);
    await expect(repositoryNames(page, WORKSPACE)).toHaveText([REPOSITORY]);

    // One repository, the default events.
    await page.getByRole("checkbox", { name: REPOSITORY, exact: true }).check();
    const events = page.getByRole("group", { name: "Webhook events" });
    for (const box of await events.getByRole("checkbox").all()) {
      const label = (await box.locator("xpath=..").innerText()).trim();
      const key = label.split(/\s+/).pop()!;
      if (DEFAULT_EVENTS.includes(key)) await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
    }
    await page.getByRole("button", { name: "Add 1 project" }).click();

    const outcome = page.getByTestId("add-outcome").filter({ hasText: FULL_NAME });
    await expect(outcome).toContainText("Webhook registered.");
    await expect(page.getByRole("checkbox", { name: REPOSITORY, exact: true })).toBeDisabled();

    // Exactly one hook on Bitbucket for the repository, pointing at the app's receiver, with the default events.
    const hooks = await ourHooks(request);
    expect(hooks).toHaveLength(1);
    expect([...hooks[0]!.events].sort()).toEqual([...DEFAULT_EVENTS].sort());
    shared.hookUrl = hooks[0]!.url;

    await outcome.getByRole("link", { name: FULL_NAME }).click();
    await expect(page.getByRole("heading", { level: 1, name: FULL_NAME })).toBeVisible();
    shared.projectUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("region", { name: "Webhook" })).toContainText("Webhook registered");
    await expect(page.getByRole("region", { name: "Last push" })).toContainText("No push received yet");

    // A push on Bitbucket: the log and the last push update on this very page.
    await page.evaluate(() => {
      (window as unknown as { noReloadMarker: string }).noReloadMarker = "still here";
    });
    const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${WORKSPACE}/${REPOSITORY}/push`, {
      data: { branch: PUSH.branch, commits: 1, message: PUSH.message },
    });
    expect(pushed.status()).toBe(202);
    const head = ((await pushed.json()) as { commits: string[] }).commits.at(-1)!;

    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
    await expect(delivery).toContainText(PUSH.branch, { timeout: 15_000 });
    await expect(delivery).toContainText(head.slice(0, 7));
    await expect(delivery).toContainText(PUSH.message);
    await expect(delivery).toContainText("repo:push");
    await expect(delivery).toContainText("Attempt 1");
    await expect(delivery).toContainText("Verified");
    const lastPush = page.getByRole("region", { name: "Last push" });
    await expect(lastPush.getByTestId("last-push-branch")).toHaveText(PUSH.branch);
    await expect(lastPush.getByTestId("last-push-commit")).toHaveText(head.slice(0, 7));
    await expect(lastPush.getByTestId("last-push-message")).toHaveText(PUSH.message);
    expect(await page.evaluate(() => (window as unknown as { noReloadMarker?: string }).noReloadMarker)).toBe("still here");
  });

  test("Show payload reveals the raw JSON of a delivery", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto(shared.projectUrl!);
    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
    await delivery.getByRole("button", { name: "Show payload" }).click();
    const payload = delivery.getByTestId("delivery-payload");
    await expect(payload).toContainText(`"name": "${PUSH.branch}"`);
    await expect(payload).toContainText(`"push": {`);
    await delivery.getByRole("button", { name: "Hide payload" }).click();
    await expect(payload).toHaveCount(0);
  });

  test("a revoked grant and a Reconnect keep the project and its webhook", async ({ page, request }) => {
    await signIn(page, "alice");
    const revoked = await request.post(`${EMULATOR_URL}/_emulator/grants/revoke`, { data: { consumerKey: shared.consumerKey } });
    expect(revoked.ok()).toBe(true);

    // The health sweep runs every 5 seconds in the test app.
    await expect(async () => {
      await page.goto(shared.connectionUrl!);
      await expect(page.getByText("Needs reauthorization", { exact: true }).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });

    await page.getByRole("link", { name: "Reconnect" }).first().click();
    await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected" })).toBeVisible();

    await page.goto(`/orgs/${ORG.slug}/projects`);
    const row = projectsList(page).getByRole("listitem").filter({ hasText: FULL_NAME });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("webhook-status")).toHaveText("Webhook registered");
    expect(await ourHooks(request)).toHaveLength(1);
  });

  test("a member sees the project read-only", async ({ page, browser }) => {
    await signIn(page, "alice");
    await addMember(page, ORG.slug, "bob@acme.example");

    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await signIn(bob, "bob");
    await bob.goto(`/orgs/${ORG.slug}/projects`);
    await expect(projectsList(bob).getByRole("link", { name: FULL_NAME })).toBeVisible();
    await expect(bob.getByRole("link", { name: "Add projects" })).toHaveCount(0);

    await projectsList(bob).getByRole("link", { name: FULL_NAME }).click();
    await expect(bob.getByRole("heading", { level: 1, name: FULL_NAME })).toBeVisible();
    await expect(bob.getByRole("list", { name: "Deliveries" })).toContainText(PUSH.branch);
    await expect(bob.getByRole("region", { name: "Last push" })).toContainText(PUSH.message);
    await expect(bob.getByRole("button", { name: "Remove project" })).toHaveCount(0);
    await expect(bob.getByRole("button", { name: "Retry webhook registration" })).toHaveCount(0);

    await bob.goto(`/orgs/${ORG.slug}/projects/new`);
    await expect(bob.getByText("Only owners and admins add projects.")).toBeVisible();
    await expect(bob.getByLabel("Workspace")).toHaveCount(0);

    // The server refuses the browse route to members too.
    const browse = await bob.request.get(`/api/orgs/${ORG.slug}/projects/browse?connectionId=anything`);
    expect(browse.status()).toBe(403);
    await bobContext.close();
  });

  test("a Connect link followed from another site asks first", async ({ page }) => {
    await signIn(page, "alice");
    const connectUrl = `${APP_URL}${shared.connectionUrl}/connect`;
    const forged = await page.request.post(connectUrl, { headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);

    // A link on another site (the sandbox's origin is another site to the app's).
    await page.goto(`${EMULATOR_URL}/`);
    await page.evaluate((href) => {
      const link = Object.assign(document.createElement("a"), { href, textContent: "Connect vcs-connect" });
      document.body.append(link);
    }, connectUrl);
    await page.getByRole("link", { name: "Connect vcs-connect" }).click();
    await expect(page.getByRole("heading", { name: "Connect to Bitbucket?" })).toBeVisible();
    await expect(page.getByText(`Tokens are issued by ${new URL(EMULATOR_URL).host} and sent only to ${new URL(EMULATOR_URL).host}.`)).toBeVisible();
    await page.getByRole("button", { name: "Continue to Bitbucket" }).click();
    await expect(page.getByRole("button", { name: "Grant access" })).toBeVisible();
  });

  test("the connection page lists its projects' deliveries, and deleting it asks about them", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto(shared.connectionUrl!);
    const deliveries = page.getByRole("region", { name: "Webhook deliveries" });
    await expect(deliveries.getByTestId("delivery").filter({ hasText: PUSH.branch }).first()).toBeVisible();
    await expect(deliveries.getByRole("link", { name: `${FULL_NAME}: full log and payload` }).first()).toBeVisible();

    await openSection(page, "Danger zone");
    await page.getByRole("button", { name: "Delete connection" }).click();
    const confirm = page.getByRole("group", { name: /^Delete “/ });
    const removeProjects = confirm.getByLabel(/1 project uses this connection/);
    await expect(confirm.getByRole("button", { name: "Yes, delete" })).toBeDisabled();
    await removeProjects.check();
    await expect(confirm.getByRole("button", { name: "Yes, delete" })).toBeEnabled();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: "Delete connection" })).toBeVisible();
  });

  test("removing the project removes its webhook on Bitbucket", async ({ page, request }) => {
    await signIn(page, "alice");
    await page.goto(shared.projectUrl!);
    await page.getByRole("button", { name: "Remove project", exact: true }).click();
    const confirm = page.getByRole("group", { name: `Remove ${FULL_NAME}?` });
    await expect(confirm).toContainText("webhook on Bitbucket is removed too");
    await confirm.getByRole("button", { name: "Yes, remove project" }).click();

    await expect(page).toHaveURL(new RegExp(`/orgs/${ORG.slug}/projects$`));
    await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
    const hooks = (await ourHooks(request)).filter((hook) => hook.url === shared.hookUrl);
    expect(hooks).toHaveLength(0);
  });
});
