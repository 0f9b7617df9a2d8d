import { expect, test, type Page } from "@playwright/test";
import { connectSandboxConnection, createOrganization } from "./support/connection";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance). The steps build on each other.

const ORG = "token-services";
const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR ?? "test-results/screenshots";

async function createToken(page: Page, name: string, setUp: () => Promise<void> = async () => undefined): Promise<string> {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await setUp();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(`Token “${name}” created`)).toBeVisible();
  return page.getByLabel("New API token").inputValue();
}

/** The page fits the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe.serial("API tokens for scripts and services", () => {
  let connectionId = "";

  test("alice sets up an organization with a connected connection", async ({ page, request }) => {
    await signIn(page, "alice");
    await createOrganization(page, "Token Services", ORG);
    const { connectionUrl } = await connectSandboxConnection(page, request, ORG, "Bitbucket for services");
    connectionId = connectionUrl.split("/").pop()!;
  });

  test("a token made with the defaults reads for 90 days and cannot write", async ({ page, request }) => {
    await signIn(page, "alice");
    await page.goto(`/orgs/${ORG}/settings/tokens`);
    await expect(page.getByLabel("Expires after")).toHaveValue("90");
    await expect(page.getByRole("checkbox", { name: /Read connections/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Use connections/ })).not.toBeChecked();
    const token = await createToken(page, "Status dashboard");
    await expect(page.getByText(/It expires on/)).toBeVisible();

    const auth = { authorization: `Bearer ${token}` };
    expect((await request.get(`/api/v1/organizations/${ORG}/vcs`, { headers: auth })).status()).toBe(200);
    const write = await request.post(`/api/v1/organizations/${ORG}/vcs`, { headers: auth, data: { name: "x", vcsType: "BITBUCKET" } });
    expect(write.status()).toBe(403);
    expect((await write.json()).error.code).toBe("token_scope_missing");
    expect((await request.post(`/api/v1/organizations/${ORG}/vcs/${connectionId}/token`, { headers: auth })).status()).toBe(403);
  });

  test("a service token, limited to one connection and without expiry, gets Bitbucket tokens and uses the proxy", async ({ page, request }) => {
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await signIn(page, "alice");
    await page.goto(`/orgs/${ORG}/settings/tokens`);
    const token = await createToken(page, "Deploy service", async () => {
      await page.getByLabel("Expires after").selectOption("never");
      await page.getByRole("checkbox", { name: /Read connections/ }).uncheck();
      await page.getByRole("checkbox", { name: /Use connections/ }).check();
      await page.getByRole("radio", { name: /Only the connections I choose/ }).check();
      await page.getByRole("checkbox", { name: "Bitbucket for services" }).check();
    });
    await expect(page.getByText("It never expires")).toBeVisible();

    const auth = { authorization: `Bearer ${token}` };
    const issued = await request.post(`/api/v1/organizations/${ORG}/vcs/${connectionId}/token`, { headers: auth });
    expect(issued.status()).toBe(200);
    const { data } = await issued.json();
    expect(data).toMatchObject({ gitUsername: "x-token-auth", accessToken: expect.any(String) });
    const proxied = await request.get(`/api/v1/organizations/${ORG}/vcs/${connectionId}/proxy/user`, { headers: auth });
    expect(proxied.status()).toBe(200);
    expect((await proxied.json()).display_name).toBe("Alice Anderson");
    expect(await proxied.text()).not.toContain(data.accessToken);
    expect((await request.get(`/api/v1/organizations/${ORG}/vcs`, { headers: auth })).status()).toBe(403);

    await page.reload();
    const row = page.getByRole("listitem").filter({ hasText: "Deploy service" });
    await expect(row).toContainText("Use connections");
    await expect(row).toContainText("Only Bitbucket for services");
    await expect(row).toContainText("Never");
    await expect(page.getByRole("listitem").filter({ hasText: "Status dashboard" })).toContainText("Read only");

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/orgs/${ORG}/settings/tokens`);
      await page.getByRole("radio", { name: /Only the connections I choose/ }).check();
      await page.getByLabel("Name", { exact: true }).focus();
      await page.screenshot({ path: `${SCREENSHOTS}/api-tokens-${width}.png`, fullPage: true });
      await expectNoSidewaysScroll(page);
    }
    expect(consoleErrors).toEqual([]);
  });
});
