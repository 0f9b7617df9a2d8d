// REST API 2.0: /user, /user/emails, /user/workspaces, /repositories/{workspace}, and the 410s
// (webhooks: hooks.ts).
import { permissionOn, seesWorkspace } from "../api/access.js";
import { authenticate, bearerToken, isPrincipal, requireScope, requireUser, type Principal } from "../api/auth.js";
import { NOT_ACCESSIBLE } from "../credentials/authenticate.js";
import { withRateLimit } from "../credentials/rate-limit.js";
import { apiError } from "../api/errors.js";
import { pageReply, parsePaging } from "../api/paging.js";
import { parseQuery, parseSort, QueryError, type FieldMap } from "../api/query.js";
import { emailJson, repositoryJson, userJson, workspaceAccessJson } from "../api/serialize.js";
import type { Ctx } from "../context.js";
import { applyFault } from "../fault-reply.js";
import { json, type Reply } from "../http.js";
import { reposOf, type SeedRepo } from "../repos.js";
import { Router } from "../router.js";
import type { Scope } from "../scopes.js";
import { findWorkspace, workspacesOf, type SeedWorkspace } from "../seed.js";
import { hookRoutes } from "./hooks.js";

type ApiHandler = (ctx: Ctx, p: Principal) => Reply;

/** `aboutUser`: an endpoint about the current user, which access tokens may not call at all. */
function secured(scope: Scope, handler: ApiHandler, options: { aboutUser?: boolean; apiTokenScope?: Scope } = {}) {
  return (ctx: Ctx): Reply => {
    const p = authenticate(ctx);
    if (!isPrincipal(p)) return p;
    if (options.aboutUser && p.kind === "access_token") return apiError(403, NOT_ACCESSIBLE);
    const needed = p.kind === "api_token" && options.apiTokenScope ? options.apiTokenScope : scope;
    return requireScope(p, needed) ?? handler(ctx, p);
  };
}

function deprecated(replacement: string) {
  return (): Reply => apiError(410, "Functionality has been deprecated", `This endpoint was removed from Bitbucket Cloud. Use ${replacement} instead.`);
}

const user: ApiHandler = (ctx, p) => {
  const u = requireUser(p);
  return "kind" in u ? u : json(200, userJson(ctx.core, u));
};

const emails: ApiHandler = (ctx, p) => {
  const u = requireUser(p);
  if ("kind" in u) return u;
  const paging = parsePaging(ctx);
  return "kind" in paging ? paging : pageReply(ctx, u.emails, paging, (e) => emailJson(ctx.core, e));
};

const userWorkspaces: ApiHandler = (ctx, p) => {
  const u = requireUser(p);
  if ("kind" in u) return u;
  const paging = parsePaging(ctx);
  if ("kind" in paging) return paging;
  const items = workspacesOf(u.username);
  return pageReply(ctx, items, paging, (ws) => workspaceAccessJson(ctx.core, ws, ws.members[u.username] === "admin"));
};

const ROLES = ["member", "contributor", "admin", "owner"] as const;

function roleFilter(role: string, p: Principal, ws: SeedWorkspace) {
  return (r: SeedRepo): boolean => {
    const perm = permissionOn(p, ws, r);
    if (perm === null) return false;
    if (role === "contributor") return perm !== "read";
    if (role === "admin") return perm === "admin";
    if (role === "owner") return p.user === null || ws.owner === p.user.username;
    return true;
  };
}

const REPO_FIELDS: FieldMap<SeedRepo> = {
  name: (r) => r.name,
  full_name: (r) => `${r.workspace}/${r.slug}`,
  slug: (r) => r.slug,
  description: (r) => r.description,
  is_private: (r) => r.isPrivate,
  language: (r) => r.language,
  "project.key": (r) => r.projectKey,
  "mainbranch.name": (r) => r.mainbranch,
  created_on: (r) => r.createdOn,
  updated_on: (r) => r.updatedOn,
  size: (r) => r.size,
};

const SORT_FIELDS: FieldMap<SeedRepo> = {
  name: REPO_FIELDS.name!, full_name: REPO_FIELDS.full_name!, slug: REPO_FIELDS.slug!,
  created_on: REPO_FIELDS.created_on!, updated_on: REPO_FIELDS.updated_on!, size: REPO_FIELDS.size!,
};

const repositories: ApiHandler = (ctx, p) => {
  const slug = ctx.params.workspace ?? "";
  const ws = findWorkspace(slug);
  const visible = ws && seesWorkspace(p, ws);
  if (!ws || !visible) {
    return apiError(404, `No workspace with identifier '${slug}', or you do not have access to it.`);
  }
  const paging = parsePaging(ctx);
  if ("kind" in paging) return paging;
  const params = ctx.url.searchParams;
  const role = params.get("role");
  if (role !== null && !(ROLES as readonly string[]).includes(role)) {
    return apiError(400, `Invalid role: ${role}`, `role must be one of ${ROLES.join(", ")}.`);
  }
  let items = reposOf(ws.slug).filter(roleFilter(role ?? "member", p, ws));
  try {
    const q = params.get("q");
    if (q !== null && q.trim() !== "") items = items.filter(parseQuery(q, REPO_FIELDS));
    items = [...items].sort(parseSort(params.get("sort") ?? "-updated_on", SORT_FIELDS, (r) => r.uuid));
  } catch (e) {
    if (e instanceof QueryError) return apiError(400, e.message.startsWith("Invalid") ? e.message : "Invalid query", e.message);
    throw e;
  }
  return pageReply(ctx, items, paging, (r) => repositoryJson(ctx.core, ws, r));
};

const repository: ApiHandler = (ctx, p) => {
  const ws = findWorkspace(ctx.params.workspace ?? "");
  const r = ws ? reposOf(ws.slug).find((x) => x.slug === ctx.params.slug) : undefined;
  if (!ws || !r || permissionOn(p, ws, r) === null) {
    return apiError(404, `Repository ${ctx.params.workspace}/${ctx.params.slug} not found`);
  }
  return json(200, repositoryJson(ctx.core, ws, r));
};

const router = new Router()
  .get("/2.0/user", secured("account", user, { aboutUser: true }))
  .get("/2.0/user/emails", secured("email", emails, { aboutUser: true }))
  .get("/2.0/user/workspaces", secured("account", userWorkspaces, { aboutUser: true, apiTokenScope: "team" }))
  .get("/2.0/workspaces", deprecated("GET /2.0/user/workspaces"))
  .get("/2.0/user/permissions/workspaces", deprecated("GET /2.0/user/workspaces"))
  .get("/2.0/repositories", deprecated("GET /2.0/repositories/{workspace}"))
  .get("/2.0/repositories/:workspace", secured("repository", repositories))
  .get("/2.0/repositories/:workspace/:slug", secured("repository", repository));
hookRoutes(router);

/** Entry for every /2.0 request: count it, apply faults, then route. */
export async function handleApi(ctx: Ctx): Promise<Reply> {
  const raw = bearerToken(ctx);
  const token = raw ? ctx.core.store.findAccessToken(raw) : undefined;
  if (token) ctx.core.stats.countApi(token.consumerKey);
  const fault = await applyFault(ctx, "api");
  if (fault) return fault;
  const m = router.match(ctx.method, ctx.url.pathname);
  if (m.kind === "not-found") return apiError(404, "Resource not found");
  if (m.kind === "method-not-allowed") return apiError(405, `Method ${ctx.method} is not allowed here`, undefined, { allow: m.allowed.join(", ") });
  ctx.params = m.params;
  return withRateLimit(ctx, raw, () => m.handler(ctx));
}
