import { expect, test } from "@playwright/test";
import { EMULATOR_URL } from "./support/environment";
import { reachConsent, signIn } from "./support/sign-in";

test.describe("signed-out visitors", () => {
  for (const path of ["/dashboard", "/orgs/any-org/connections", "/settings/authentication"]) {
    test(`${path} sends them to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/\//g, "%2F")}`));
      await expect(page.getByRole("heading", { name: "Sign in to vcs-connect" })).toBeVisible();
    });
  }
});

test("cancelling consent on Bitbucket returns to sign-in with a clear message", async ({ page }) => {
  await reachConsent(page, "carol");
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL(/\/signin\?error=ConsentCancelled$/);
  // A deliberate cancel is news, not an error.
  await expect(page.getByRole("status").filter({ hasText: "You cancelled on Bitbucket" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "You cancelled on Bitbucket" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

// The first account ever to sign in owns the instance, so these run in order.
test.describe.serial("signing in with Bitbucket", () => {
  test("the first user lands on the dashboard with name, avatar and primary email, as owner", async ({ page }) => {
    await signIn(page, "alice");

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("profile-name")).toHaveText("Alice Anderson");
    await expect(page.getByTestId("profile-email")).toHaveText("alice@acme.example");
    await expect(page.getByTestId("profile-role")).toHaveText("Instance owner");
    const avatar = page.getByRole("img", { name: "Alice Anderson's avatar" }).first();
    await expect(avatar).toHaveAttribute("src", new RegExp(`^${EMULATOR_URL}/`));
    expect(await avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  test("a later user is a member, and returns to the page they asked for", async ({ page }) => {
    await signIn(page, "bob", "/settings/authentication");

    await expect(page).toHaveURL(/\/settings\/authentication$/);
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByTestId("profile-name")).toHaveText("Bob Baker");
    await expect(page.getByTestId("profile-email")).toHaveText("bob@acme.example");
    await expect(page.getByTestId("profile-role")).toHaveText("Member");
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "alice");
    await expect(page.getByTestId("profile-role")).toHaveText("Instance owner");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await expect(page.getByRole("status").filter({ hasText: "You are signed out" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});

// After alice has claimed the instance: carol's first completed sign-in makes her a member.
test("after cancelling consent, signing in again still returns to the page asked for", async ({ page }) => {
  await page.goto("/settings/authentication");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fauthentication$/);
  await page.getByRole("button", { name: "Sign in with Bitbucket" }).click();
  await page.getByLabel("Username").fill("carol");
  await page.getByLabel("Password").fill("carol-pass");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL(/\/signin\?error=ConsentCancelled&callbackUrl=%2Fsettings%2Fauthentication$/);
  await page.getByRole("button", { name: "Sign in with Bitbucket" }).click();
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page).toHaveURL(/\/settings\/authentication$/);
});
