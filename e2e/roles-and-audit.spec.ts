import { expect, test, type Page } from "@playwright/test";
import { addMember, createOrganization } from "./support/connection";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance, bob has signed in once), in its own
// organization. The steps build on each other, so they run in order.

const ORG = { name: "Audit Trail", slug: "audit-trail" };
const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR ?? "test-results/screenshots";
// More than one page of the log (50 events) once the organization's own events are added.
const DRAFTS = 52;

// Times are shown in the reader's zone, named.
test.use({ timezoneId: "America/New_York" });

const bobRow = (page: Page) => page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: "Bob Baker" });

/** The page at both widths, full length: nothing may scroll sideways. */
async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Errors the app's pages log in the browser console (watched after signing in on the sandbox): there must be none. */
function consoleErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** The audit table's event rows (the header row aside). */
const eventRows = (page: Page) => page.getByRole("main").getByRole("row").filter({ has: page.getByRole("cell") });

test.describe.serial("roles on the members page, and the audit log's filters and pages", () => {
  test("an owner makes a member an admin and back, from the member's row", async ({ page }) => {
    await signIn(page, "alice");
    const errors = consoleErrors(page);
    await createOrganization(page, ORG.name, ORG.slug);
    await addMember(page, ORG.slug, "bob@acme.example");

    const role = bobRow(page).getByRole("combobox", { name: "Role of Bob Baker" });
    await expect(role).toHaveValue("member");
    await expect(bobRow(page).getByRole("button", { name: "Save role of Bob Baker" })).toBeDisabled();
    await role.selectOption({ label: "Admin" });
    await bobRow(page).getByRole("button", { name: "Save role of Bob Baker" }).click();
    await expect(bobRow(page).getByRole("status")).toHaveText("Saved: Bob Baker is now an admin.");
    await page.reload();
    await expect(bobRow(page).getByRole("combobox", { name: "Role of Bob Baker" })).toHaveValue("admin");

    await bobRow(page).getByRole("combobox", { name: "Role of Bob Baker" }).selectOption({ label: "Member" });
    await bobRow(page).getByRole("button", { name: "Save role of Bob Baker" }).click();
    await expect(bobRow(page).getByRole("status")).toHaveText("Saved: Bob Baker is now a member.");
    await page.reload();
    await expect(bobRow(page).getByRole("combobox", { name: "Role of Bob Baker" })).toHaveValue("member");
    // Removing still works from the same row (opened and cancelled here; people.spec removes).
    await bobRow(page).getByRole("button", { name: "Remove Bob Baker" }).click();
    await page.getByRole("group", { name: "Remove Bob Baker" }).getByRole("button", { name: "Cancel" }).click();
    await screenshots(page, "members-owner");
    expect(errors).toEqual([]);
  });

  test("a member sees everyone's role but no controls to change it", async ({ page }) => {
    await signIn(page, "bob");
    const errors = consoleErrors(page);
    await page.goto(`/orgs/${ORG.slug}/members`);
    const members = page.getByRole("list", { name: "Members" });
    await expect(members.getByRole("listitem").filter({ hasText: "Alice Anderson" })).toContainText("Owner");
    await expect(bobRow(page)).toContainText("Member");
    await expect(members.getByRole("combobox")).toHaveCount(0);
    await expect(members.getByRole("button", { name: /Save role|Remove/ })).toHaveCount(0);
    await expect(bobRow(page).getByRole("button", { name: `Leave ${ORG.name}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
    // Avatars are the pictures Bitbucket (here the sandbox) serves, on a phone too.
    await page.setViewportSize({ width: 390, height: 900 });
    for (const avatar of [page.getByRole("complementary").getByRole("img", { name: "Bob Baker's avatar" }), bobRow(page).getByRole("img")]) {
      await expect(avatar).toBeVisible();
      await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await screenshots(page, "members-member");
    expect(errors).toEqual([]);

    // A picture that cannot be loaded (its host down, or not one the CSP allows) gives way to initials.
    await page.route("**/account/alice/avatar.svg", (route) => route.abort());
    await page.reload();
    const aliceRow = members.getByRole("listitem").filter({ hasText: "Alice Anderson" });
    await expect(aliceRow.getByText("AA", { exact: true })).toBeVisible();
    await expect(aliceRow.getByRole("img")).toHaveCount(0);
    await page.unroute("**/account/alice/avatar.svg");

    // Bob acts once, so the person filter has someone besides alice.
    await page.goto(`/orgs/${ORG.slug}/settings/tokens`);
    await page.getByLabel("Name", { exact: true }).fill("Bob's reader");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Token “Bob's reader” created")).toBeVisible();
  });

  test("the audit log pages through its events, newer and older, and filters by action and by person", async ({ page, request }) => {
    await signIn(page, "alice");
    const errors = consoleErrors(page);
    await page.goto(`/orgs/${ORG.slug}/settings/tokens`);
    await page.getByLabel("Name", { exact: true }).fill("Seeder");
    await page.getByRole("checkbox", { name: /Change connections/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("New API token").inputValue();
    for (let i = 1; i <= DRAFTS; i += 1) {
      const created = await request.post(`/api/v1/organizations/${ORG.slug}/vcs`, {
        headers: { authorization: `Bearer ${token}` },
        data: { name: `Draft ${String(i).padStart(2, "0")}`, vcsType: "BITBUCKET" },
      });
      expect(created.status()).toBe(201);
    }

    await page.goto(`/orgs/${ORG.slug}/audit`);
    const pages = page.getByRole("navigation", { name: "Audit log pages" });
    await expect(eventRows(page)).toHaveCount(50);
    await expect(eventRows(page).first()).toContainText("Connection “Draft 52”");
    await expect(eventRows(page).first().getByRole("cell").first()).toHaveText(/ (EST|EDT)$/);
    await expect(pages.getByRole("link", { name: "Newer" })).toHaveCount(0);
    // The organization's own events (created, bob added and his role changed twice, two tokens) and the drafts.
    const total = 6 + DRAFTS;

    await pages.getByRole("link", { name: "Older" }).click();
    await expect(page).toHaveURL(/[?&]older=/);
    await expect(eventRows(page)).toHaveCount(total - 50);
    await expect(eventRows(page).last()).toContainText("Created the organization");
    await expect(pages.getByRole("link", { name: "Older" })).toHaveCount(0);

    await pages.getByRole("link", { name: "Newer" }).click();
    await expect(page).toHaveURL(/[?&]newer=/);
    await expect(eventRows(page)).toHaveCount(50);
    await expect(eventRows(page).first()).toContainText("Connection “Draft 52”");
    await expect(pages.getByRole("link", { name: "Newer" })).toHaveCount(0);

    // By action: the catalog's words, in groups.
    await page.getByLabel("Action").selectOption({ label: "Changed a member's role" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]action=member\.role_changed/);
    await expect(eventRows(page)).toHaveCount(2);
    for (const row of await eventRows(page).all()) {
      await expect(row).toContainText("Changed a member's role");
      await expect(row).toContainText("Member “Bob Baker”");
    }
    await expect(pages).toHaveCount(0);

    // By person, with a group of actions; the address keeps both.
    await page.getByLabel("Action").selectOption({ label: "Any change to API tokens" });
    await page.getByLabel("Person").selectOption({ label: "Bob Baker" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=api_tokens/);
    await expect(eventRows(page)).toHaveCount(1);
    await expect(eventRows(page)).toContainText("Created an API token");
    await expect(eventRows(page)).toContainText("API token “Bob's reader”");
    await page.reload();
    await expect(page.getByLabel("Person")).toHaveValue(/.+/);
    await expect(page.getByLabel("Action")).toHaveValue("api_tokens");
    await screenshots(page, "audit-filtered");

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${ORG.slug}/audit$`));
    await expect(eventRows(page)).toHaveCount(50);
    await expect(page.getByLabel("Person")).toHaveValue("");
    await screenshots(page, "audit");

    // A hand-edited address: the page says which filter is wrong, and nothing breaks.
    const response = await page.goto(`/orgs/${ORG.slug}/audit?action=connection.exploded`);
    expect(response?.status()).toBe(200);
    const problem = page.getByRole("alert").filter({ hasText: "These filters cannot be applied" });
    await expect(problem).toContainText("Action filter: “connection.exploded” is not an action the audit log records.");
    await expect(problem.getByRole("link", { name: "Show all events" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
