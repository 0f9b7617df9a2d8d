// Git over smart HTTP: clone with an OAuth access token as Basic x-token-auth or Bearer.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_REPOSITORY } from "../src/routes/git.js";
import { makeConsumer, start, userTokens, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
const work = mkdtempSync(join(tmpdir(), "bbemu-git-test-"));
beforeAll(async () => {
  emu = await start();
});
afterAll(async () => {
  await emu.close();
  rmSync(work, { recursive: true, force: true });
});

const repoPath = `/${GIT_REPOSITORY.workspace}/${GIT_REPOSITORY.slug}.git`;
// No credential helper, no prompt: git uses only what a test gives it.
const gitEnv = { PATH: process.env.PATH ?? "", HOME: work, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" };
let clones = 0;

async function clone(url: string, config: string[] = []) {
  const dir = join(work, `clone-${++clones}`);
  const args = [...config.flatMap((c) => ["-c", c]), "clone", "--quiet", url, dir];
  return promisify(execFile)("git", args, { env: gitEnv, timeout: 30_000 }).then(
    () => ({ ok: true as const, readme: readFileSync(join(dir, GIT_REPOSITORY.file), "utf8"), stderr: "" }),
    (error: { stderr: string }) => ({ ok: false as const, readme: "", stderr: error.stderr }),
  );
}

const withBasic = (token: string) => `${emu.url.replace("://", `://x-token-auth:${encodeURIComponent(token)}@`)}${repoPath}`;

describe("git over smart HTTP", () => {
  it("clones with an access token as Basic x-token-auth or as Bearer", async () => {
    const consumer = await makeConsumer(emu, { scopes: ["repository"] });
    const { access_token } = await userTokens(emu, consumer);

    const basic = await clone(withBasic(access_token));
    expect(basic.stderr).toBe("");
    expect(basic.readme).toBe(GIT_REPOSITORY.content);

    const bearer = await clone(`${emu.url}${repoPath}`, [`http.extraHeader=Authorization: Bearer ${access_token}`]);
    expect(bearer.readme).toBe(GIT_REPOSITORY.content);
  });

  it("asks for credentials (401 with a Basic challenge) without a token, and refuses a wrong one", async () => {
    const anonymous = await fetch(`${emu.url}${repoPath}/info/refs?service=git-upload-pack`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await clone(withBasic("not-a-token"))).ok).toBe(false);
    const wrongUser = await fetch(`${emu.url}${repoPath}/info/refs?service=git-upload-pack`, { headers: { authorization: `Basic ${Buffer.from("alice:alice-pass").toString("base64")}` } });
    expect(wrongUser.status).toBe(401);
  });

  it("needs the repository scope and access to the repository; serves fetch only", async () => {
    const accountOnly = await makeConsumer(emu, { scopes: ["account"] });
    const { access_token: noScope } = await userTokens(emu, accountOnly);
    const refused = await fetch(`${emu.url}${repoPath}/info/refs?service=git-upload-pack`, { headers: { authorization: `Bearer ${noScope}` } });
    expect(refused.status).toBe(403);

    const consumer = await makeConsumer(emu, { scopes: ["repository"] });
    const { access_token: carol } = await userTokens(emu, consumer, "carol");
    expect((await fetch(`${emu.url}${repoPath}/info/refs?service=git-upload-pack`, { headers: { authorization: `Bearer ${carol}` } })).status).toBe(403);

    const { access_token } = await userTokens(emu, consumer);
    const push = await fetch(`${emu.url}${repoPath}/info/refs?service=git-receive-pack`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(push.status).toBe(403);
    const other = await fetch(`${emu.url}/acme/other-repo.git/info/refs?service=git-upload-pack`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(other.status).toBe(404);
  });
});
