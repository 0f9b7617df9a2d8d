import { expect, test, type Page } from "@playwright/test";
import { connectSandboxConnection, createOrganization, openSection } from "./support/connection";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance), in its own organization.

const ORG = { name: "Connected Co", slug: "connected-co" };
const NAME = "Billing sync";
// Two screens at 1280 × 900, roughly: everything a Connected page needs, the rest behind disclosures.
const MAX_HEIGHT_1280 = 1_800;

async function pageHeight(page: Page) {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

test("a Connected page says each thing once, in about two screens, with the check Connect made", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, "alice");
  await createOrganization(page, ORG.name, ORG.slug);
  const { connectionUrl } = await connectSandboxConnection(page, request, ORG.slug, NAME);
  const main = page.getByRole("main");
  const health = page.getByRole("region", { name: "Health", exact: true });

  // Connect read the account: that was the first check, so Last check is filled at once,
  // in the page as rendered on arrival (read as it is, not waiting for a poll or the sweep).
  await expect(page.getByTestId("connect-result")).toBeVisible();
  expect(await health.getByTestId("last-check").innerText()).toMatch(/\bOK\b/);
  expect(await health.getByTestId("last-success").innerText()).not.toBe("None yet");
  await expect(health.getByTestId("last-check").getByTestId("latency")).toHaveText(/^\d+ ms$/);

  for (const url of [page.url(), connectionUrl]) {
    await page.goto(url);
    // The account and the permissions, once.
    await expect(main.getByTestId("bitbucket-account")).toHaveCount(1);
    await expect(main.getByText("@alice", { exact: true })).toHaveCount(1);
    await expect(main.getByText("All 4 required granted", { exact: true })).toHaveCount(1);
    await expect(health.getByTestId("health-status")).toHaveText("Connected");

    // Each action once, with every disclosure open.
    for (const title of ["Timeline", "Recent audit events", "Key and secret", "Name", "Danger zone"]) await openSection(page, title);
    for (const name of ["Check now", "Disconnect", "Rotate secret", "Save name", "Delete connection"]) {
      await expect(main.getByRole("button", { name, exact: true }), name).toHaveCount(1);
    }
    await expect(main.getByRole("link", { name: "Reconnect", exact: true })).toHaveCount(1);
    await expect(main.getByRole("link", { name: "Connect", exact: true })).toHaveCount(0);
  }

  // About two screens at 1280 px with the disclosures closed, and nothing wider than the screen.
  for (const [width, label] of [[1280, "result"], [1280, "plain"], [390, "plain"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(label === "result" ? `${connectionUrl}?result=connected` : connectionUrl);
    await expect(health.getByTestId("health-status")).toHaveText("Connected");
    if (width === 1280) expect(await pageHeight(page), `height at ${width} px (${label})`).toBeLessThanOrEqual(MAX_HEIGHT_1280);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${label} at ${width} px scrolls sideways`).toBe(true);
    console.log(`connection page (${label}) at ${width} px: ${await pageHeight(page)} px high`);
  }
});
