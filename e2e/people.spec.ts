import { expect, test, type Page } from "@playwright/test";
import { addMember, createOrganization } from "./support/connection";
import { signIn } from "./support/sign-in";

/** Signs in again in a browser the sandbox already knows: straight to its consent page. */
async function signInAgain(page: Page) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Bitbucket" }).click();
  await page.getByRole("button", { name: "Grant access" }).click();
}

async function setSignInPolicy(page: Page, workspaces: string) {
  await page.goto("/settings/authentication");
  await page.getByLabel("Allowed Bitbucket workspaces").fill(workspaces);
  await page.getByLabel("Allowed email domains").fill("");
  await page.getByRole("button", { name: "Save sign-in policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sign-in policy saved" })).toBeVisible();
}

test.describe.serial("who may sign in, and removing people", () => {
  test("a sign-in the policy refuses says why and whom to ask, and creates no session", async ({ page, browser }) => {
    await signIn(page, "alice");
    await setSignInPolicy(page, "carol-labs");
    try {
      await page.reload();
      const who = page.getByRole("region", { name: "Who may sign in" });
      await expect(who).toContainText("Members of the Bitbucket workspaces: carol-labs.");

      const bob = await (await browser.newContext()).newPage();
      await signIn(bob, "bob");
      await expect(bob).toHaveURL(/\/signin\?error=NotAllowed$/);
      await expect(bob.getByRole("alert").filter({ hasText: "This server does not let your account sign in" })).toBeVisible();
      await expect(bob.getByText("Members of the Bitbucket workspace carol-labs")).toBeVisible();
      await expect(bob.getByText(/ask the instance owner, Alice Anderson/)).toBeVisible();
      await expect(bob.getByRole("link", { name: "alice@acme.example" })).toHaveAttribute("href", "mailto:alice@acme.example");
      await bob.goto("/dashboard");
      await expect(bob).toHaveURL(/\/signin\?callbackUrl=/);

      // A member of the allowed workspace gets in.
      const carol = await (await browser.newContext()).newPage();
      await signIn(carol, "carol");
      await expect(carol).toHaveURL(/\/dashboard$/);
    } finally {
      // Later files sign in as bob.
      await setSignInPolicy(page, "");
    }
    await expect(page.getByRole("region", { name: "Who may sign in" })).toContainText("no sign-in policy is set");
  });

  test("an owner removes a member after an inline confirmation that says what happens and what is kept", async ({ page }) => {
    page.on("dialog", () => {
      throw new Error("removal must not use the browser's confirm box");
    });
    await signIn(page, "alice");
    await createOrganization(page, "People Org", "people-org");
    await addMember(page, "people-org", "bob@acme.example");
    const bobRow = page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: "Bob Baker" });

    await bobRow.getByRole("button", { name: "Remove Bob Baker" }).click();
    const confirmation = page.getByRole("group", { name: "Remove Bob Baker" });
    await expect(confirmation).toContainText("Remove Bob Baker from People Org?");
    await expect(confirmation).toContainText("They lose access at their next request");
    await expect(confirmation).toContainText("Kept: connections, projects and webhooks they set up");
    await expect(confirmation.getByText("Remove Bob Baker from People Org?")).toBeFocused();
    await confirmation.getByRole("button", { name: "Cancel" }).click();
    await expect(confirmation).toBeHidden();
    await expect(bobRow.getByRole("button", { name: "Remove Bob Baker" })).toBeFocused();

    await bobRow.getByRole("button", { name: "Remove Bob Baker" }).click();
    await page.getByRole("group", { name: "Remove Bob Baker" }).getByRole("button", { name: "Remove Bob Baker" }).click();
    await expect(page.getByRole("list", { name: "Members" })).not.toContainText("Bob Baker");
    await page.goto("/orgs/people-org/audit");
    await expect(page.getByRole("main")).toContainText("Removed a member (their API tokens revoked)");
  });

  test("the instance owner blocks a user: their session ends at once and sign-in is refused, until unblocked", async ({ page, browser }) => {
    const carol = await (await browser.newContext()).newPage();
    await signIn(carol, "carol");
    await expect(carol).toHaveURL(/\/dashboard$/);

    await signIn(page, "alice");
    await page.goto("/settings/users");
    const carolRow = page.getByRole("list", { name: "Users" }).getByRole("listitem").filter({ hasText: "Carol Chen" });
    await carolRow.getByRole("button", { name: "Block: Carol Chen" }).click();
    await expect(page.getByRole("group", { name: "Block Carol Chen?" })).toContainText("signed out everywhere now");
    await page.getByRole("group", { name: "Block Carol Chen?" }).getByRole("button", { name: "Block: Carol Chen" }).click();
    await expect(carolRow).toContainText("Blocked");

    await carol.goto("/dashboard");
    await expect(carol).toHaveURL(/\/signin\?callbackUrl=/);
    await signInAgain(carol);
    await expect(carol).toHaveURL(/\/signin\?error=Blocked$/);
    await expect(carol.getByRole("alert").filter({ hasText: "Your account is blocked here" })).toBeVisible();

    await carolRow.getByRole("button", { name: "Unblock Carol Chen" }).click();
    await expect(carolRow).not.toContainText("Blocked");
    await expect(page.getByRole("region", { name: "Recent instance changes" })).toContainText("Unblocked a user");
    await signInAgain(carol);
    await expect(carol).toHaveURL(/\/dashboard$/);
  });
});
