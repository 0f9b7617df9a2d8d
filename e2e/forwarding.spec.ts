import { expect, test, type Page } from "@playwright/test";
import { readmeVerifier } from "../test/readme-snippet";
import { startSubscriber } from "../test/subscriber-server";
import { addMember, connectSandboxConnection, createOrganization } from "./support/connection";
import { EMULATOR_URL, SUBSCRIBER_PORT, UNREACHABLE_PORT } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts, in its own organization: a project whose deliveries are
// forwarded to a service (a small HTTP server in this test) and to an unreachable host.

const ORG = { name: "Forwarding Co", slug: "forwarding-co" };
const WORKSPACE = "acme";
const REPOSITORY = "billing-service";
const FULL_NAME = `${WORKSPACE}/${REPOSITORY}`;
const shared: { projectUrl?: string; secret?: string } = {};
// Started in the worker that runs the tests (a file's top level also runs where tests are listed).
let service: ReturnType<typeof startSubscriber>;
test.beforeAll(() => {
  service = startSubscriber(() => 204, SUBSCRIBER_PORT);
});
// Each test walks several pages and waits on the outbox; a shared machine can be slow.
test.describe.configure({ timeout: 120_000 });

test.afterAll(async () => (await service)?.close());

const subscriptions = (page: Page) => page.getByRole("list", { name: "Subscriptions" });
const subscriptionItem = (page: Page, url: string) => subscriptions(page).getByTestId("subscription").filter({ has: page.getByText(url, { exact: true }) });

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe.serial("forwarding deliveries to the organization's services", () => {
  test("an admin subscribes a service, sees its secret once, and a push is forwarded, signed", async ({ page, request }) => {
    const errors: string[] = [];
    // The app's pages only (the sandbox's sign-in pages have no favicon).
    page.on("console", (message) => message.type() === "error" && !message.location().url.startsWith(EMULATOR_URL) && errors.push(`${message.text()} ${message.location().url}`));
    const { url, requests } = await service;
    await signIn(page, "alice");
    await createOrganization(page, ORG.name, ORG.slug);
    await connectSandboxConnection(page, request, ORG.slug, "Forwarding sandbox");
    await page.goto(`/orgs/${ORG.slug}/projects/new`);
    await page.getByLabel("Workspace").selectOption(WORKSPACE);
    await page.getByLabel("Search repositories").fill(REPOSITORY);
    await page.getByRole("checkbox", { name: REPOSITORY, exact: true }).check();
    await page.getByRole("button", { name: "Add 1 project" }).click();
    await page.getByTestId("add-outcome").filter({ hasText: FULL_NAME }).getByRole("link", { name: FULL_NAME }).click();
    await expect(page.getByRole("heading", { level: 1, name: FULL_NAME })).toBeVisible();
    shared.projectUrl = new URL(page.url()).pathname;

    const forwarding = page.getByRole("region", { name: "Forwarding to your services" });
    await expect(forwarding).toContainText("No subscriptions.");
    await forwarding.getByRole("button", { name: "Add subscription" }).click();
    await forwarding.getByLabel("Your service's URL").fill("ftp://nowhere.example");
    await forwarding.getByRole("button", { name: "Add subscription" }).click();
    await expect(forwarding.getByText(/^This is not a usable https URL/)).toBeVisible();
    await expect(forwarding.getByLabel("Your service's URL")).toHaveAttribute("aria-invalid", "true");
    await forwarding.getByLabel("Your service's URL").fill(url);
    await forwarding.getByRole("button", { name: "Add subscription" }).click();
    const secret = forwarding.getByLabel("Signing secret");
    await expect(secret).toHaveValue(/^whsec_/);
    shared.secret = await secret.inputValue();
    await expect(subscriptionItem(page, url)).toBeVisible();
    await screenshots(page, "forwarding-secret-once");
    await forwarding.getByRole("button", { name: "Done" }).click();
    await expect(secret).toHaveCount(0);
    await expect(subscriptionItem(page, url)).toContainText("Active");
    await page.reload();
    expect(await page.content()).not.toContain(shared.secret);

    const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${WORKSPACE}/${REPOSITORY}/push`, { data: { branch: "main", commits: 1, message: "Forward me" } });
    expect(pushed.status()).toBe(202);
    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
    await expect(delivery.getByTestId("forward")).toContainText("Delivered", { timeout: 15_000 });
    await expect(delivery.getByTestId("forward")).toContainText(url);

    const verify = await readmeVerifier();
    expect(requests).toHaveLength(1);
    expect(verify(shared.secret, requests[0]!.body, requests[0]!.headers["x-vcs-connect-signature"] as string)).toBe(true);
    expect(JSON.parse(requests[0]!.body.toString()).push.changes[0].new.name).toBe("main");

    // Redeliver: the same delivery once more, as a new forward.
    await delivery.getByRole("button", { name: "Redeliver" }).first().click();
    await expect.poll(() => requests.length, { timeout: 15_000 }).toBe(2);
    expect(requests[1]!.headers["x-vcs-connect-delivery"]).toBe(requests[0]!.headers["x-vcs-connect-delivery"]);
    await expect(delivery.getByTestId("forward")).toHaveCount(2);
    expect(errors).toEqual([]);
  });

  test("a subscription to an unreachable host is retried, marked failing, and can be removed after confirming", async ({ page, request }) => {
    await signIn(page, "alice");
    await page.goto(shared.projectUrl!);
    const dead = `http://127.0.0.1:${UNREACHABLE_PORT}/hooks`;
    const forwarding = page.getByRole("region", { name: "Forwarding to your services" });
    await forwarding.getByRole("button", { name: "Add subscription" }).click();
    await forwarding.getByLabel("Your service's URL").fill(dead);
    await forwarding.getByLabel("All projects in the organization").check();
    await forwarding.getByRole("button", { name: "Add subscription" }).click();
    await forwarding.getByRole("button", { name: "Done" }).click();

    const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${WORKSPACE}/${REPOSITORY}/push`, { data: { branch: "retry-me", commits: 1, message: "Nobody listens" } });
    expect(pushed.status()).toBe(202);
    await expect(async () => {
      await page.reload();
      await expect(subscriptionItem(page, dead).getByTestId("subscription-status")).toHaveText("Failing", { timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
    await expect(subscriptionItem(page, dead)).toContainText("The host did not answer.");
    await expect(subscriptionItem(page, dead)).toContainText("All projects");
    const forward = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first().getByTestId("forward").filter({ hasText: dead });
    await expect(forward).toContainText("Retrying");
    await forward.getByText(/\d+ attempts/).click();
    await expect(forward.getByRole("listitem").first()).toContainText("The host did not answer.");
    await screenshots(page, "forwarding-failing");

    const item = subscriptionItem(page, dead);
    await item.getByRole("button", { name: /Remove/ }).click();
    await expect(item.getByRole("group", { name: `Stop forwarding to ${dead}?` })).toBeVisible();
    await item.getByRole("button", { name: "Cancel" }).click();
    await item.getByRole("button", { name: /Remove/ }).click();
    await item.getByRole("button", { name: "Yes, remove subscription" }).click();
    await expect(subscriptionItem(page, dead)).toHaveCount(0);
    await expect(subscriptions(page).getByTestId("subscription")).toHaveCount(1);
  });

  test("a member reads subscriptions and forwards but changes nothing", async ({ page, browser }) => {
    await signIn(page, "alice");
    await addMember(page, ORG.slug, "bob@acme.example");
    const context = await browser.newContext();
    const bob = await context.newPage();
    await signIn(bob, "bob");
    await bob.goto(shared.projectUrl!);
    await expect(subscriptions(bob).getByTestId("subscription")).toHaveCount(1);
    await expect(bob.getByRole("list", { name: "Deliveries" }).getByTestId("forward").first()).toBeVisible();
    await expect(bob.getByRole("button", { name: "Add subscription" })).toHaveCount(0);
    await expect(bob.getByRole("button", { name: /Remove/ })).toHaveCount(0);
    await expect(bob.getByRole("button", { name: "Redeliver" })).toHaveCount(0);
    await screenshots(bob, "forwarding-member");
    await context.close();
  });
});
