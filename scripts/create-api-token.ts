// Creates an owner's API token for an organization, to bootstrap automation:
//   npm run token:create -- --org <slug> [--name <name>] [--email <owner email>]
//     [--scopes connections:read,connections:write,connections:use] [--connections <id,id>] [--expires <days>|never]
// The token goes to stdout alone (so `$(npm run -s token:create -- …)` captures it); notes go to stderr.
import { parseArgs } from "node:util";
import { createOwnerApiToken, OwnerTokenError } from "../lib/api-tokens/create-owner-api-token";
import { createApiTokenInput } from "../lib/api-tokens/schemas";
import { EnvError } from "../lib/env/schema";
import { AppError } from "../lib/errors/app-error";
import { loadEnvFiles } from "./lib/env-files";
import { loadSandboxAppEnv } from "./lib/sandbox-env";

const USAGE = [
  "Usage: npm run token:create -- --org <slug> [--name <name>] [--email <owner email>]",
  "         [--scopes <list>] [--connections <id,id>] [--expires <days>|never]",
  "  --scopes       comma-separated: connections:read, connections:write, connections:use (default connections:read,connections:write)",
  "  --connections  limit the token to these connection ids (default: every connection of the organization)",
  "  --expires      days until it expires, 1 to 365 (default 90), or never",
].join("\n");

const list = (value: string | undefined) => value?.split(",").map((item) => item.trim()).filter(Boolean);

function fail(message: string): never {
  console.error(`token:create: ${message}`);
  process.exit(1);
}

function readFlags() {
  try {
    const { values } = parseArgs({
      options: {
        org: { type: "string" },
        name: { type: "string" },
        email: { type: "string" },
        scopes: { type: "string" },
        connections: { type: "string" },
        expires: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
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
  const input = createApiTokenInput.safeParse({
    name: flags.name ?? "Automation",
    scopes: list(flags.scopes) ?? ["connections:read", "connections:write"],
    connectionIds: list(flags.connections) ?? null,
    expiresInDays: flags.expires,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const flag = { name: "--name", scopes: "--scopes", connectionIds: "--connections", expiresInDays: "--expires" }[String(issue?.path[0])] ?? "input";
    fail(`${flag}: ${issue?.message ?? "not valid"}\n${USAGE}`);
  }

  loadEnvFiles();
  // The embedded setup: the app's sandbox configuration lives in npm start's saved state.
  loadSandboxAppEnv();
  const created = await createOwnerApiToken({ orgSlug: flags.org.trim(), email: flags.email, ...input.data });
  const expiry = created.expiresAt ? `expires ${created.expiresAt.toISOString().slice(0, 10)}` : "never expires";
  const reach = created.connectionIds ? `connections ${created.connectionIds.join(", ")}` : "every connection";
  console.error(`Token “${created.name}” for ${created.owner} in “${flags.org.trim()}”: ${created.scopes.join(", ")} on ${reach}; ${expiry}.`);
  console.error("Copy it now: it will not be shown again.");
  console.log(created.token);
}

main().then(
  // Prisma's pool would keep the process alive for a while.
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof OwnerTokenError || error instanceof EnvError) fail(error.message);
    if (error instanceof AppError) fail(error.field === "connectionIds" ? `--connections: ${error.message}` : error.message);
    console.error(error);
    process.exit(1);
  },
);
