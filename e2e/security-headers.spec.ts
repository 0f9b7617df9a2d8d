import { expect, test, type Page } from "@playwright/test";
import { connectSandboxConnection, createOrganization } from "./support/connection";
import { APP_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

/** Console errors, uncaught errors and CSP violations on a page: there must be none. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

test("pages run under a nonce CSP without console errors, and carry the security headers", async ({ page, request }) => {
  // Sets up its own organization and connection, then visits eight pages.
  test.setTimeout(120_000);
  await recordViolations(page);
  await signIn(page, "alice");
  await expect(page).toHaveURL(/\/dashboard/);
  await createOrganization(page, "CSP Check", "csp-check");
  const { connectionUrl } = await connectSandboxConnection(page, request, "csp-check", "CSP sandbox");
  // From here on only the app's own pages (the sandbox's login page is not under test).
  const problems = watch(page);

  // Pages with client components that poll and mutate (health panel, repository picker) too.
  for (const path of ["/dashboard", connectionUrl, "/orgs/csp-check/projects/new", "/orgs/csp-check/integrations/bitbucket-cloud/new", "/orgs/csp-check/members", "/orgs/csp-check/status", "/settings/authentication", "/signin?signedOut=1"]) {
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `${path}: CSP nonce`).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response!.headers()["permissions-policy"]).toContain("camera=()");
    // Next put the request's nonce on its own scripts; the page is hydrated and interactive.
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce), `${path}: every script has the nonce`).toBe(true);
    await page.waitForTimeout(1_500); // let polling and lazy chunks run
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), `${path}: CSP violations`).toEqual([]);
  }
  // A server action from a client component still works under the policy.
  await page.goto(connectionUrl);
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByText(/Check passed in/)).toBeVisible({ timeout: 15_000 });
  expect(problems).toEqual([]);
});

test("route handlers carry the same headers", async ({ request }) => {
  for (const path of ["/api/health", "/api/v1/openapi.json", "/api/v1/organizations/nowhere/vcs"]) {
    const response = await request.get(`${APP_URL}${path}`);
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["permissions-policy"], path).toContain("camera=()");
    // APP_URL is http here: no HSTS (a browser would refuse plain http to localhost for a year).
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    // An API answer loads and runs nothing, and carries one policy, not the page's as well.
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
  // Auth.js's routes still get the page policy with a fresh nonce.
  const session = await request.get(`${APP_URL}/api/auth/session`);
  expect(session.headers()["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
});
