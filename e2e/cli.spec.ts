import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { GIT_REPOSITORY } from "../emulator/src/routes/git";
import { createConsumerOnSandbox, createOrganization, logInOnBitbucketIfAsked, REPOSITORY_SYNC_SCOPES } from "./support/connection";
import { CLI, cliEnvironment, cliHome, runCli, startCli } from "./support/cli";
import { APP_URL, EMULATOR_URL } from "./support/environment";
import { signIn } from "./support/sign-in";

// The command-line tool against the browser tests' own app and sandbox, through the VCS API
// only. The steps build on each other (token, connection, project), sharing these variables.
const ORG = { name: "CLI Co", slug: "cli-co" };
// The git test clones the sandbox's one git repository; the project is another repository, so
// the hooks other files count on payments-api stay theirs.
const REPOSITORY = `${GIT_REPOSITORY.workspace}/${GIT_REPOSITORY.slug}`;
const PROJECT = { workspace: "acme", slug: "cli-tools", fullName: "acme/cli-tools" };
const shared: { token?: string; connectionId?: string } = {};
const home = cliHome();
const connectionId = () => shared.connectionId!;
const env = () => cliEnvironment(home, { VCS_CONNECT_URL: APP_URL, VCS_CONNECT_TOKEN: shared.token! });

async function createToken(page: Page, name: string): Promise<string> {
  await page.goto(`/orgs/${ORG.slug}/settings/tokens`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  // The tool creates and changes connections, and git clones through them.
  await page.getByRole("checkbox", { name: /Change connections/ }).check();
  await page.getByRole("checkbox", { name: /Use connections/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByLabel("New API token").inputValue();
}

test.describe.serial("the vcs-connect command-line tool", () => {
  test("logs in with a URL and token, keeps them readable by the user alone, and names the organization", async ({ page }) => {
    await signIn(page, "alice");
    await createOrganization(page, ORG.name, ORG.slug);
    shared.token = await createToken(page, "CLI");

    const wrong = await runCli(["login", "--url", APP_URL], cliEnvironment(home), "vcsc_not-a-real-token\n");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Error (unauthenticated)");
    expect(wrong.stderr).toContain("Hint:");

    const login = await runCli(["login"], cliEnvironment(home), `${APP_URL}\n${shared.token}\n`);
    expect(login.stderr).toContain(`organization “${ORG.slug}”, role owner`);
    expect(login.code).toBe(0);
    const file = join(home, ".config", "vcs-connect", "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const orgs = await runCli(["orgs"], cliEnvironment(home));
    expect(orgs.code).toBe(0);
    expect(orgs.stdout).toMatch(new RegExp(`^SLUG\\s+NAME\\s+ROLE\\n${ORG.slug}\\s+${ORG.name}\\s+owner$`, "m"));
  });

  test("creates a connection, waits while an admin grants access on Bitbucket, then reports it connected", async ({ page, request }) => {
    await signIn(page, "alice");
    const consumer = await createConsumerOnSandbox(request, { name: "CLI consumer", callbackUrl: `${APP_URL}/callback/v1/vcs/`, scopes: REPOSITORY_SYNC_SCOPES });
    const created = await runCli(
      ["vcs", "create", "--name", "Sandbox (CLI)", "--client-id", consumer.key, "--client-secret-stdin", "--host-url", EMULATOR_URL, "--api-url", `${EMULATOR_URL}/2.0`, "--json"],
      env(),
      consumer.secret,
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const connection = JSON.parse(created.stdout) as { id: string; status: string; connectUrl: string };
    expect(connection.status).toBe("awaiting_authorization");
    expect(created.stdout).not.toContain(consumer.secret);
    shared.connectionId = connection.id;

    // A short wait gives up with exit code 3 and says what to do.
    const impatient = await runCli(["vcs", "wait", connection.id, "--timeout", "1s", "--interval", "200ms"], env());
    expect(impatient.code).toBe(3);
    expect(impatient.stderr).toContain("Still “awaiting_authorization” after 1s");

    const waiting = startCli(["vcs", "wait", connection.id, "--until", "connected", "--timeout", "2m", "--interval", "500ms"], env());
    // The grant happens while it waits.
    await expect.poll(waiting.stderr, { timeout: 20_000 }).toContain("awaiting_authorization");
    await page.goto(connection.connectUrl);
    await logInOnBitbucketIfAsked(page, () => page.getByRole("button", { name: "Grant access" }));
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByTestId("connect-result").getByRole("heading", { name: "Connected" })).toBeVisible();
    const waited = await waiting.done;
    expect(waited.code).toBe(0);
    expect(waited.stderr).toMatch(/awaiting_authorization\n.*connected\n/);
    expect(waited.stdout).toMatch(/^Status:\s+connected$/m);

    const status = await runCli(["vcs", "status", connection.id], env());
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Status:\s+connected$/m);
    expect(status.stdout).toMatch(/^Account:\s+Alice Anderson$/m);

    const list = await runCli(["vcs", "list"], env());
    expect(list.stdout).toMatch(new RegExp(`^${connection.id}\\s+Sandbox \\(CLI\\)\\s+connected\\s+${EMULATOR_URL.replace(/\./g, "\\.")}\\s+Alice Anderson$`, "m"));
    const shown = await runCli(["vcs", "show", connection.id], env());
    expect(shown.stdout).toContain(`Key:              …${consumer.key.slice(-4)}`);

    const missing = await runCli(["vcs", "show", "no-such-connection"], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error \(not_found\): Not found\..*\nHint: /m);
    const usage = await runCli(["vcs", "wait"], env());
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("missing required argument 'id'");
  });

  test("lists projects and a project's deliveries", async ({ page, request }) => {
    await signIn(page, "alice");
    expect((await runCli(["projects", "list"], env())).stdout).toContain("No projects yet.");

    await page.goto(`/orgs/${ORG.slug}/projects/new`);
    await expect(page.getByLabel("Connection")).toHaveValue(connectionId());
    await page.getByLabel("Workspace").selectOption(PROJECT.workspace);
    await page.getByLabel("Search repositories").fill(PROJECT.slug);
    await page.getByRole("checkbox", { name: PROJECT.slug, exact: true }).check();
    await page.getByRole("button", { name: "Add 1 project" }).click();
    await expect(page.getByTestId("add-outcome").filter({ hasText: PROJECT.fullName })).toContainText("Webhook registered.");

    const projects = await runCli(["projects", "list"], env());
    expect(projects.code).toBe(0);
    expect(projects.stdout).toMatch(new RegExp(`^\\S+\\s+${PROJECT.fullName}\\s+Sandbox \\(CLI\\)\\s+registered`, "m"));

    const pushed = await request.post(`${EMULATOR_URL}/_emulator/repositories/${PROJECT.fullName}/push`, { data: { branch: "cli-branch", commits: 1, message: "From the CLI test" } });
    expect(pushed.status()).toBe(202);
    await expect(async () => {
      const deliveries = await runCli(["deliveries", "list", PROJECT.fullName, "--json"], env());
      expect(deliveries.code).toBe(0);
      const rows = JSON.parse(deliveries.stdout) as { eventKey: string; summary: { branch?: string } }[];
      expect(rows.map((row) => [row.eventKey, row.summary.branch])).toContainEqual(["repo:push", "cli-branch"]);
    }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
    const table = await runCli(["deliveries", "list", PROJECT.fullName], env());
    expect(table.stdout).toMatch(/^RECEIVED\s+EVENT\s+OUTCOME\s+SIGNATURE\s+SUMMARY$/m);
    expect(table.stdout).toMatch(/repo:push\s+\S+\s+verified\s+cli-branch [0-9a-f]{7}/);
  });

  // Needs the connection-token endpoint (POST …/vcs/{id}/token); runs wherever the app has it.
  const tokenRoute = "app/api/v1/organizations/[org]/vcs/[id]/token/route.ts";
  test("git clones through the credential helper, with no token on disk", async () => {
    test.skip(!existsSync(tokenRoute), `the app has no ${tokenRoute} yet`);
    // A home without a login: the API token comes from the environment, as on a CI runner.
    const cloneHome = cliHome();
    const cloneEnv = cliEnvironment(cloneHome, { VCS_CONNECT_URL: APP_URL, VCS_CONNECT_TOKEN: shared.token!, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" });
    const target = join(cloneHome, "clone");
    const helper = `!"${process.execPath}" "${CLI}" git-credential`;
    // Only this helper: no stored credentials, no prompt.
    await promisify(execFile)("git", ["-c", "credential.helper=", "-c", `credential.helper=${helper}`, "clone", "--quiet", `${EMULATOR_URL}/${REPOSITORY}.git`, target], { env: cloneEnv, timeout: 60_000 });
    expect(readFileSync(join(target, GIT_REPOSITORY.file), "utf8")).toBe(GIT_REPOSITORY.content);

    // What git was given: the current access token of the connection, as x-token-auth.
    const host = new URL(EMULATOR_URL).host;
    const answer = await runCli(["git-credential", "get"], cloneEnv, `protocol=http\nhost=${host}\n\n`);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toContain("username=x-token-auth\n");
    const accessToken = /^password=(.+)$/m.exec(answer.stdout)?.[1];
    expect(accessToken).toBeTruthy();
    // A host no connection serves gets no answer, so git asks its next helper.
    expect((await runCli(["git-credential", "get"], cloneEnv, "protocol=https\nhost=example.com\n\n")).stdout).toBe("");

    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [readFileSync(join(dir, entry.name), "latin1")]));
    const onDisk = files(cloneHome).join("\n");
    expect(onDisk).not.toContain(accessToken!);
    expect(onDisk).not.toContain(shared.token!);
  });
});
