import { expect, test } from "@playwright/test";
import { createOrganization } from "./support/connection";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts: alice owns the instance and bob has signed in once,
// so alice can add him by email. The steps build on each other, so they run in order.

test.describe.serial("organizations and their members", () => {
  test("alice creates Acme Corp and lands on its Bitbucket Cloud setup", async ({ page }) => {
    await signIn(page, "alice");
    await createOrganization(page, "Acme Corp", "acme-corp");
  });

  test("a taken slug is reported next to the Slug field, keeping what was typed", async ({ page }) => {
    await signIn(page, "alice");
    await page.getByLabel("Organization name").fill("Acme Again");
    await page.getByLabel("Slug").fill("acme-corp");
    await page.getByRole("button", { name: "Create organization" }).click();

    await expect(page.getByLabel("Slug")).toHaveAccessibleDescription(/already taken/);
    await expect(page.getByLabel("Organization name")).toHaveValue("Acme Again");
    await expect(page.getByLabel("Slug")).toHaveValue("acme-corp");
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("alice adds bob to Acme Corp as a member", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/orgs/acme-corp/members");
    await expect(page.getByTestId("organization-name")).toHaveText("Acme Corp");

    await page.getByLabel("Email").fill("nobody@acme.example");
    await page.getByRole("button", { name: "Save member" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/has signed in here yet/);

    await page.getByLabel("Email").fill("bob@acme.example");
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
    await page.getByRole("button", { name: "Save member" }).click();
    await expect(page.getByRole("status")).toContainText("bob@acme.example is now a member.");
    const members = page.getByRole("list", { name: "Members" });
    await expect(members.getByRole("listitem").filter({ hasText: "Bob Baker" })).toContainText("Member");
    await expect(members.getByRole("listitem").filter({ hasText: "Alice Anderson" })).toContainText("Owner");
  });

  test("alice creates Private Org, without bob", async ({ page }) => {
    await signIn(page, "alice");
    await createOrganization(page, "Private Org", "private-org");
  });

  test("bob sees Acme Corp as a member, and the member list without the form", async ({ page }) => {
    await signIn(page, "bob");
    // Only the instance owner creates organizations.
    await expect(page.getByText("The instance owner creates organizations.")).toBeVisible();
    await expect(page.getByLabel("Organization name")).toHaveCount(0);
    const organizations = page.getByRole("region", { name: "Your organizations" });
    await expect(organizations.getByRole("listitem").filter({ hasText: "Acme Corp" })).toContainText("Member");
    await expect(organizations).not.toContainText("Private Org");

    await page.goto("/orgs/acme-corp/members");
    await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "Members" })).toContainText("Alice Anderson");
    await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
    await expect(page.getByLabel("Email")).toHaveCount(0);
  });

  test("bob gets a 404 for an organization he is not in", async ({ page }) => {
    await signIn(page, "bob");
    for (const path of ["/orgs/private-org/members", "/orgs/private-org/audit"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Organization not found" })).toBeVisible();
      await expect(page.getByText("Private Org")).toHaveCount(0);
    }
  });

  test("the audit log shows who created the organization and added bob", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/orgs/acme-corp/members");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();

    await expect(page.getByRole("heading", { name: "Audit", exact: true })).toBeVisible();
    const created = page.getByRole("row").filter({ hasText: "Created the organization" });
    await expect(created).toContainText("Alice Anderson");
    await expect(created).toContainText("acme-corp");
    const added = page.getByRole("row").filter({ hasText: "Added a member" });
    await expect(added).toContainText("Alice Anderson");
    await expect(added).toContainText("bob@acme.example");
  });
});
