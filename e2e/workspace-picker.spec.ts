import { expect, test } from "@playwright/test";
import { createOrganization, startSetup } from "./support/connection";
import { EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// Runs after sign-in.spec.ts (alice owns the instance), in its own organization. alice is
// an admin of acme and a member of bigco on the sandbox, where everyone here signs in.

const ORG = { name: "Picker Co", slug: "picker-co" };
const addConsumerPage = (host: string, workspace: string) => `${host}/${workspace}/workspace/settings/oauth-consumers/new`;

test("step 2 offers the admin's own workspaces and links to Add consumer once one is chosen", async ({ page }) => {
  await signIn(page, "alice");
  await createOrganization(page, ORG.name, ORG.slug);
  await startSetup(page, ORG.slug, "Picked");

  // Before a choice: the link is there, disabled, saying what it waits for.
  const waiting = page.getByRole("button", { name: "Open “Add consumer” on Bitbucket" });
  await expect(waiting).toBeDisabled();
  await expect(waiting).toHaveAccessibleDescription("Choose a workspace first.");
  const workspace = page.getByLabel("Workspace", { exact: true });
  await expect(workspace.getByRole("option")).toHaveText(["Choose a workspace…", "Acme Inc (acme)", "BigCo Holdings (bigco) · not an admin", "Another workspace…"]);

  await workspace.selectOption({ label: "Acme Inc (acme)" });
  const link = page.getByRole("link", { name: "Open “Add consumer” on Bitbucket" });
  await expect(link).toHaveAttribute("href", addConsumerPage(EMULATOR_URL, "acme"));
  await expect(waiting).toHaveCount(0);

  // Only admins add consumers: choosing a workspace where alice is a member says so.
  await workspace.selectOption({ label: "BigCo Holdings (bigco) · not an admin" });
  await expect(link).toHaveAttribute("href", addConsumerPage(EMULATOR_URL, "bigco"));
  await expect(page.getByText("You are a member of BigCo Holdings, not an admin: only its admins can add consumers.")).toBeVisible();

  // Another workspace: typed, checked by Bitbucket's rules, the field named in the message.
  await workspace.selectOption({ label: "Another workspace…" });
  const slug = page.getByLabel("Workspace slug");
  await expect(slug).toBeFocused();
  await expect(waiting).toHaveAccessibleDescription(/^Enter the workspace slug first/);
  await slug.fill("carol labs");
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Workspace slug may hold only letters, digits, - and _, starting with a letter or digit")).toBeVisible();
  await expect(waiting).toHaveAccessibleDescription("Correct the workspace slug first.");
  await slug.fill("carol-labs");
  await expect(link).toHaveAttribute("href", addConsumerPage(EMULATOR_URL, "carol-labs"));

  // Another Bitbucket host: alice's sandbox workspaces are not its workspaces, so only the field is offered.
  await page.locator("summary", { hasText: "Customize settings" }).click();
  await page.getByLabel("Host URL").fill("https://bitbucket.org");
  await expect(workspace).toHaveCount(0);
  await expect(slug).toHaveValue("carol-labs");
  await expect(link).toHaveAttribute("href", addConsumerPage("https://bitbucket.org", "carol-labs"));
});
