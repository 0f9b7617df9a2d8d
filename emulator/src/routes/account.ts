// Login, logout, home page, avatars and the plain browse pages.
import type { Ctx } from "../context.js";
import { Form, htmlReply, redirect, text, type Reply } from "../http.js";
import { avatarSvg } from "../pages/avatar.js";
import { repoPage, userPage, workspacePage } from "../pages/browse.js";
import { errorPage } from "../pages/error.js";
import { homePage } from "../pages/home.js";
import { signinPage } from "../pages/signin.js";
import { reposOf } from "../repos.js";
import type { Router } from "../router.js";
import { findUser, findWorkspace, USERS } from "../seed.js";
import { csrfValid, currentUser, endSession, ensureSession, safeNext, startSession } from "../session.js";
import { repoActivity } from "./repo-activity.js";

function csrfFailure(): Reply {
  return htmlReply(403, errorPage({
    title: "Session expired",
    message: "This form's security token is missing or out of date. Go back, reload the page and try again.",
  }));
}

function home(ctx: Ctx): Reply {
  const s = ensureSession(ctx);
  return htmlReply(200, homePage(currentUser(ctx), s.csrf));
}

function signinForm(ctx: Ctx): Reply {
  const s = ensureSession(ctx);
  return htmlReply(200, signinPage({ next: safeNext(ctx.url.searchParams.get("next") ?? "/"), csrf: s.csrf }));
}

async function signin(ctx: Ctx): Promise<Reply> {
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  const next = safeNext(form.get("next") || "/");
  const username = form.get("username").trim();
  const user = findUser(username);
  if (!user || user.password !== form.get("password")) {
    const s = ensureSession(ctx);
    return htmlReply(200, signinPage({ next, csrf: s.csrf, username, error: "Incorrect username or password." }));
  }
  startSession(ctx, user.username);
  return redirect(next);
}

async function signout(ctx: Ctx): Promise<Reply> {
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  endSession(ctx);
  return redirect("/");
}

function avatar(ctx: Ctx): Reply {
  const name = ctx.params.name ?? "";
  const label = findUser(name)?.displayName ?? findWorkspace(name)?.name;
  if (!label) return text(404, "Not found");
  return text(200, avatarSvg(name, label), "image/svg+xml", { "cache-control": "public, max-age=86400" });
}

function notFound(): Reply {
  return htmlReply(404, errorPage({ title: "Page not found", message: "There is nothing at this address in the emulator." }));
}

function profileOrWorkspace(ctx: Ctx): Reply {
  const s = ensureSession(ctx);
  const name = ctx.params.name ?? "";
  const viewer = currentUser(ctx);
  const ws = findWorkspace(name);
  if (ws) {
    // Private repositories are listed only to members, as on Bitbucket.
    const member = viewer !== undefined && ws.members[viewer.username] !== undefined;
    return htmlReply(200, workspacePage(ws, reposOf(ws.slug).filter((r) => member || !r.isPrivate), viewer, s.csrf));
  }
  const user = USERS.find((u) => u.username === name);
  return user ? htmlReply(200, userPage(user, viewer, s.csrf)) : notFound();
}

function repository(ctx: Ctx): Reply {
  const s = ensureSession(ctx);
  const ws = findWorkspace(ctx.params.workspace ?? "");
  const slug = (ctx.params.slug ?? "").replace(/\.git$/, "");
  const repo = ws ? reposOf(ws.slug).find((r) => r.slug === slug) : undefined;
  const viewer = currentUser(ctx);
  if (!ws || !repo || (repo.isPrivate && (!viewer || ws.members[viewer.username] === undefined))) return notFound();
  return htmlReply(200, repoPage(repo, viewer, s.csrf, repoActivity(ctx, ws, repo, viewer, s)));
}

export function accountRoutes(r: Router): void {
  r.get("/", home)
    .get("/account/signin", signinForm)
    .post("/account/signin", signin)
    .post("/account/signout", signout)
    .get("/account/:name/avatar.svg", avatar);
}

/** Registered last: these patterns would otherwise shadow everything. */
export function browseRoutes(r: Router): void {
  r.get("/:name", profileOrWorkspace).get("/:workspace/:slug", repository);
}

export { csrfFailure, notFound };
