import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { resolveTokenAccess } from "@/lib/access/resolve-access";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { startSandbox } from "./lib/sandbox";

const database = useTestDatabase();
const root = fileURLToPath(new URL("..", import.meta.url));
const workdir = mkdtempSync(join(tmpdir(), "vcs-connect-newcomer-"));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The command as a newcomer runs it: in the project directory, with only what `npm start` left there. */
async function tokenCreate(args: string[]) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: workdir, TSX_TSCONFIG_PATH: join(root, "tsconfig.json") };
  return promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, join(root, "scripts/create-api-token.ts"), ...args], {
    cwd: workdir,
    env,
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("npm run token:create in the embedded setup", () => {
  it("works right after npm start ran the sandbox, with no login consumer configured", async () => {
    const owner = await orgMember(database.db, "owner");
    // What `npm start` leaves behind: generated secrets in .env.local, the sandbox's state in data/sandbox.
    writeFileSync(join(workdir, ".env.local"), `AUTH_SECRET=${"s".repeat(40)}\nENCRYPTION_KEY=${Buffer.alloc(32, 1).toString("base64")}\nDATABASE_URL=${database.url}\n`);
    mkdirSync(join(workdir, "data"), { recursive: true });
    const sandbox = await startSandbox("http://localhost:3000", await freePort(), join(workdir, "data/sandbox"));
    sandbox.process.kill();

    const result = await tokenCreate(["--org", owner.organization.slug]);
    expect(result.stderr).not.toContain("is missing");
    expect(result.code, result.stderr).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^vcsc_/);
    expect(await resolveTokenAccess(token, owner.organization.slug)).toMatchObject({ role: "owner" });
    // Two Node processes (the sandbox, the command) start here.
  }, 60_000);
});
