// Creates an owner's API token for an organization, to bootstrap automation:
//   npm run token:create -- --org <slug> [--name <name>] [--email <owner email>]
// The token goes to stdout alone (so `$(npm run -s token:create -- …)` captures it); notes go to stderr.
import { parseArgs } from "node:util";
import { createOwnerApiToken, OwnerTokenError } from "../lib/api-tokens/create-owner-api-token";
import { apiTokenName } from "../lib/api-tokens/schemas";
import { EnvError } from "../lib/env/schema";
import { loadEnvFiles } from "./lib/env-files";
import { loadSandboxAppEnv } from "./lib/sandbox-env";

const USAGE = "Usage: npm run token:create -- --org <slug> [--name <name>] [--email <owner email>]";

function fail(message: string): never {
  console.error(`token:create: ${message}`);
  process.exit(1);
}

function readFlags() {
  try {
    const { values } = parseArgs({
      options: { org: { type: "string" }, name: { type: "string" }, email: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    // parseArgs names the unknown flag or the flag missing its value.
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function main() {
  const flags = readFlags();
  if (flags.help) {
    console.error(USAGE);
    return;
  }
  if (!flags.org?.trim()) fail(`--org is required: the slug of the organization (as in /orgs/<slug>).\n${USAGE}`);
  const name = apiTokenName.safeParse(flags.name ?? "Automation");
  if (!name.success) fail(`--name: ${name.error.issues[0]?.message ?? "not a valid name"}`);

  loadEnvFiles();
  // The embedded setup: the app's sandbox configuration lives in npm start's saved state.
  loadSandboxAppEnv();
  const created = await createOwnerApiToken({ orgSlug: flags.org.trim(), name: name.data, email: flags.email });
  console.error(`Token “${created.name}” for ${created.owner} in “${flags.org.trim()}”. Copy it now: it will not be shown again.`);
  console.log(created.token);
}

main().then(
  // Prisma's pool would keep the process alive for a while.
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof OwnerTokenError || error instanceof EnvError) fail(error.message);
    console.error(error);
    process.exit(1);
  },
);
