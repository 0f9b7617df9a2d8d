import { expect, type Page } from "@playwright/test";

/** Signs in through the app's button and the sandbox's login page, up to its consent page. */
export async function reachConsent(page: Page, username: string, startPath = "/signin") {
  await page.goto(startPath);
  await page.getByRole("button", { name: "Sign in with Bitbucket" }).click();
  await expect(page.getByRole("heading", { name: "Log in to Bitbucket" })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(`${username}-pass`);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Grant access" })).toBeVisible();
}

export async function signIn(page: Page, username: string, startPath = "/signin") {
  await reachConsent(page, username, startPath);
  await page.getByRole("button", { name: "Grant access" }).click();
}
