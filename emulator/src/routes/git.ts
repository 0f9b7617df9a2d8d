// Git over smart HTTP for one repository (fetch and clone only), served by the machine's
// `git http-backend`: GET /{workspace}/{repo}.git/info/refs?service=git-upload-pack and
// POST /{workspace}/{repo}.git/git-upload-pack. Authentication as on bitbucket.org with an
// OAuth access token: Basic `x-token-auth:{token}` or `Authorization: Bearer {token}`.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { atLeast, findRepo, permissionOn } from "../api/access.js";
import type { Principal } from "../api/auth.js";
import type { Ctx } from "../context.js";
import { text, type Reply } from "../http.js";
import type { Router } from "../router.js";
import { closure } from "../scopes.js";
import { findUser } from "../seed.js";

/** The one repository with git content, and what its single commit holds. */
export const GIT_REPOSITORY = { workspace: "acme", slug: "payments-api", branch: "main", file: "README.md", content: "# payments-api\n\nServed over smart HTTP by the Bitbucket emulator.\n" };

const REALM = { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' };
const AUTHOR = { GIT_AUTHOR_NAME: "Alice Anderson", GIT_AUTHOR_EMAIL: "alice@example.com", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z" };
const COMMITTER = { GIT_COMMITTER_NAME: "Alice Anderson", GIT_COMMITTER_EMAIL: "alice@example.com", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" };

let projectRoot: string | undefined;

/** A bare repository built once per process from plumbing commands (no work tree, no config needed). */
function gitProjectRoot(): string {
  if (projectRoot) return projectRoot;
  const root = mkdtempSync(join(tmpdir(), "bbemu-git-"));
  const dir = join(root, GIT_REPOSITORY.workspace, `${GIT_REPOSITORY.slug}.git`);
  const git = (args: string[], input?: string) =>
    execFileSync("git", ["--git-dir", dir, ...args], { input, env: { ...process.env, ...AUTHOR, ...COMMITTER }, encoding: "utf8" }).trim();
  execFileSync("git", ["init", "--quiet", "--bare", `--initial-branch=${GIT_REPOSITORY.branch}`, dir]);
  const blob = git(["hash-object", "-w", "--stdin"], GIT_REPOSITORY.content);
  const tree = git(["mktree"], `100644 blob ${blob}\t${GIT_REPOSITORY.file}\n`);
  const commit = git(["commit-tree", tree, "-m", "Initial commit"]);
  git(["update-ref", `refs/heads/${GIT_REPOSITORY.branch}`, commit]);
  process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  projectRoot = root;
  return root;
}

function accessToken(ctx: Ctx): string | null {
  const header = ctx.req.headers.authorization ?? "";
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1] as string;
  const basic = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 && decoded.slice(0, colon) === "x-token-auth" ? decoded.slice(colon + 1) : null;
}

function principal(ctx: Ctx): Extract<Principal, { kind: "oauth" }> | null {
  const raw = accessToken(ctx);
  const token = raw === null ? undefined : ctx.core.store.findAccessToken(raw);
  const consumer = token ? ctx.core.store.getConsumer(token.consumerKey) : undefined;
  if (!token || token.revoked || !consumer || ctx.core.clock.now() >= token.expiresAt) return null;
  return { kind: "oauth", token, consumer, user: token.username === null ? null : (findUser(token.username) ?? null) };
}

/** Runs `git http-backend` as a CGI program and turns its output into a reply. */
async function httpBackend(ctx: Ctx, pathInfo: string): Promise<Reply> {
  const body = ctx.method === "POST" ? await ctx.body() : Buffer.alloc(0);
  const header = (name: string) => String(ctx.req.headers[name] ?? "");
  const child = spawn("git", ["http-backend"], {
    stdio: ["pipe", "pipe", "ignore"],
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH ?? "",
      GIT_PROJECT_ROOT: gitProjectRoot(),
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: pathInfo,
      REQUEST_METHOD: ctx.method,
      QUERY_STRING: ctx.url.search.slice(1),
      CONTENT_TYPE: header("content-type"),
      CONTENT_LENGTH: String(body.length),
      HTTP_CONTENT_ENCODING: header("content-encoding"),
      GIT_PROTOCOL: header("git-protocol"),
    },
  });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stdin.end(body);
  const code = await new Promise<number>((resolve) => child.on("close", (c: number | null) => resolve(c ?? 1)));
  const output = Buffer.concat(chunks);
  const split = output.indexOf("\r\n\r\n");
  if (code !== 0 || split < 0) return text(500, "git http-backend failed\n");
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of output.subarray(0, split).toString("latin1").split("\r\n")) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "status") status = Number.parseInt(value, 10);
    else if (name) headers[name] = value;
  }
  return { kind: "send", status, headers, body: output.subarray(split + 4) };
}

async function serve(ctx: Ctx, rest: string): Promise<Reply> {
  const workspace = ctx.params.workspace ?? "";
  const slug = (ctx.params.repo ?? "").replace(/\.git$/, "");
  if (workspace !== GIT_REPOSITORY.workspace || slug !== GIT_REPOSITORY.slug || !ctx.params.repo?.endsWith(".git")) {
    return text(404, "Repository not found\n");
  }
  // Fetch and clone only: pushing is not part of the emulated contract.
  const service = rest === "info/refs" ? ctx.url.searchParams.get("service") : rest;
  if (service !== "git-upload-pack") return text(403, "Only git-upload-pack (fetch and clone) is served here.\n");

  const who = principal(ctx);
  if (!who) return text(401, "Authentication failed: send x-token-auth and an OAuth access token.\n", undefined, REALM);
  const found = findRepo(workspace, slug);
  if (!found) return text(404, "Repository not found\n");
  if (!closure(who.token.scopes).includes("repository")) return text(403, "The access token lacks the repository scope.\n");
  if (!atLeast(permissionOn(who, found.ws, found.repo), "read")) return text(403, "You do not have access to this repository.\n");
  return httpBackend(ctx, `/${workspace}/${slug}.git/${rest}`);
}

export function gitRoutes(r: Router): void {
  r.get("/:workspace/:repo/info/refs", (ctx) => serve(ctx, "info/refs"));
  r.post("/:workspace/:repo/git-upload-pack", (ctx) => serve(ctx, "git-upload-pack"));
}
