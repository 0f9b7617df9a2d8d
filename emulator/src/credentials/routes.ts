// Pages that create and revoke access tokens (repository, project, workspace settings) and
// API tokens (the account's settings), at Bitbucket's own paths.
import type { Ctx } from "../context.js";
import { Form, htmlReply, redirect, type Reply } from "../http.js";
import { userPermission } from "../api/access.js";
import { errorPage } from "../pages/error.js";
import { bbTime, PROJECTS, reposOf } from "../repos.js";
import type { Router } from "../router.js";
import { findWorkspace, type SeedUser } from "../seed.js";
import { csrfValid, currentUser, ensureSession, loginRedirect } from "../session.js";
import type { Session } from "../types.js";
import { csrfFailure } from "../routes/account.js";
import { EMPTY_TOKEN_FORM, tokenPage, type TokenFormValues, type TokenPage, type TokenRow } from "./pages.js";
import { ACCESS_TOKEN_SCOPES, DAY_MS, isApiTokenScope, MAX_API_TOKEN_DAYS } from "./scopes.js";
import type { ResourceKind } from "./types.js";

interface Resource {
  kind: ResourceKind;
  workspace: string;
  key: string | null;
  breadcrumb: string;
}

interface Viewer {
  user: SeedUser;
  session: Session;
}

function viewer(ctx: Ctx): Viewer | Reply {
  const session = ensureSession(ctx);
  const user = currentUser(ctx);
  return user ? { user, session } : loginRedirect(ctx);
}

const denied = (what: string) => htmlReply(403, errorPage({ title: "Access denied", message: `You need admin access to ${what} to manage its access tokens.` }));
const missing = () => htmlReply(404, errorPage({ title: "Page not found", message: "There is nothing at this address in the emulator." }));

/** The resource named by the path, if the viewer administers it. */
function resource(ctx: Ctx, kind: ResourceKind, user: SeedUser): Resource | Reply {
  const ws = findWorkspace(ctx.params.workspace ?? "");
  if (!ws) return missing();
  if (kind === "repository") {
    const repo = reposOf(ws.slug).find((r) => r.slug === ctx.params.slug);
    if (!repo) return missing();
    if (userPermission(user.username, ws, repo) !== "admin") return denied(`${ws.slug}/${repo.slug}`);
    return { kind, workspace: ws.slug, key: repo.slug, breadcrumb: `Repository settings · ${ws.name} / ${repo.name}` };
  }
  if (ws.members[user.username] !== "admin") return denied(`the ${ws.name} workspace`);
  if (kind === "project") {
    const project = (PROJECTS[ws.slug] ?? []).find((p) => p.key === ctx.params.key);
    if (!project) return missing();
    return { kind, workspace: ws.slug, key: project.key, breadcrumb: `Project settings · ${ws.name} / ${project.name}` };
  }
  return { kind, workspace: ws.slug, key: null, breadcrumb: `Workspace settings · ${ws.name}` };
}

const day = (ms: number | null) => (ms === null ? "Never" : bbTime(ms).slice(0, 10));

function readForm(form: Form): TokenFormValues {
  return { name: form.get("name").trim(), expiry: form.get("expiry"), expiryDate: form.get("expiryDate"), scopes: form.all("scopes") };
}

/** The expiry the form asks for, or an error naming the field. */
function expiryOf(ctx: Ctx, v: TokenFormValues, api: boolean): { at: number | null } | { field: keyof TokenFormValues; error: string } {
  const now = ctx.core.clock.now();
  if (v.expiry === "none" && !api) return { at: null };
  if (["90", "180", "365"].includes(v.expiry)) return { at: now + Number(v.expiry) * DAY_MS };
  if (v.expiry !== "custom") return { field: "expiry", error: "Choose an expiry." };
  const at = Date.parse(`${v.expiryDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.expiryDate) || Number.isNaN(at)) return { field: "expiryDate", error: "Enter the expiry date." };
  if (at <= now) return { field: "expiryDate", error: "The expiry date must be in the future." };
  if (api && at > now + MAX_API_TOKEN_DAYS * DAY_MS) return { field: "expiryDate", error: "An API token expires within one year." };
  return { at };
}

function validate(ctx: Ctx, v: TokenFormValues, api: boolean): { at: number | null } | { errors: TokenPage["errors"] } {
  const errors: TokenPage["errors"] = {};
  if (v.name === "") errors.name = "Name is required.";
  const known = api ? v.scopes.every(isApiTokenScope) : v.scopes.every((s) => (ACCESS_TOKEN_SCOPES as readonly string[]).includes(s));
  if (v.scopes.length === 0) errors.scopes = "Choose at least one scope.";
  else if (!known) errors.scopes = "Unknown scope.";
  const expiry = expiryOf(ctx, v, api);
  if ("field" in expiry) errors[expiry.field] = expiry.error;
  return Object.keys(errors).length > 0 || "field" in expiry ? { errors } : expiry;
}

function accessRows(ctx: Ctx, r: Resource): TokenRow[] {
  const store = ctx.core.store.credentials;
  return store.accessTokensOf(r.workspace, r.kind, r.key).map((t) => ({
    id: t.id, name: t.name, scopes: t.scopes, created: day(t.createdAt), expires: day(t.expiresAt),
    state: t.revoked ? "Revoked" : store.isLive(t) ? "Active" : "Expired",
  }));
}

function accessPage(kind: ResourceKind) {
  return async (ctx: Ctx): Promise<Reply> => {
    const v = viewer(ctx);
    if ("kind" in v) return v;
    const r = resource(ctx, kind, v.user);
    if (!("breadcrumb" in r)) return r;
    const base: TokenPage = {
      kind: "access", breadcrumb: r.breadcrumb, user: v.user, csrf: v.session.csrf, action: ctx.url.pathname,
      values: EMPTY_TOKEN_FORM, errors: {}, created: null, tokens: [],
    };
    if (ctx.method !== "POST") return htmlReply(200, tokenPage({ ...base, tokens: accessRows(ctx, r) }));
    const form = Form.parse(await ctx.body());
    if (!csrfValid(ctx, form)) return csrfFailure();
    const values = readForm(form);
    const checked = validate(ctx, values, false);
    if ("errors" in checked) return htmlReply(400, tokenPage({ ...base, values, errors: checked.errors, tokens: accessRows(ctx, r) }));
    const t = ctx.core.store.credentials.createAccessToken({
      kind, workspace: r.workspace, projectKey: r.key, repoSlug: r.key, name: values.name, scopes: values.scopes,
      createdBy: v.user.username, expiresAt: checked.at,
    });
    return htmlReply(200, tokenPage({ ...base, created: { name: t.name, token: t.token, gitUsername: "x-token-auth" }, tokens: accessRows(ctx, r) }));
  };
}

function revokeAccess(kind: ResourceKind) {
  return async (ctx: Ctx): Promise<Reply> => {
    const v = viewer(ctx);
    if ("kind" in v) return v;
    const r = resource(ctx, kind, v.user);
    if (!("breadcrumb" in r)) return r;
    if (!csrfValid(ctx, Form.parse(await ctx.body()))) return csrfFailure();
    const mine = new Set(ctx.core.store.credentials.accessTokensOf(r.workspace, kind, r.key).map((t) => t.id));
    ctx.core.store.credentials.revoke(ctx.params.id ?? "", (t) => mine.has(t.id));
    return redirect(ctx.url.pathname.replace(/\/[^/]+\/revoke$/, ""));
  };
}

const API_PATH = "/account/settings/api-tokens";

function apiRows(ctx: Ctx, user: SeedUser): TokenRow[] {
  const store = ctx.core.store.credentials;
  return store.apiTokensOf(user.username).map((t) => ({
    id: t.id, name: t.name, scopes: t.scopes, created: day(t.createdAt), expires: day(t.expiresAt),
    state: t.revoked ? "Revoked" : store.isLive(t) ? "Active" : "Expired",
  }));
}

async function apiTokens(ctx: Ctx): Promise<Reply> {
  const v = viewer(ctx);
  if ("kind" in v) return v;
  const base: TokenPage = {
    kind: "api", breadcrumb: `Atlassian account · ${v.user.displayName} · Security`, user: v.user, csrf: v.session.csrf,
    action: API_PATH, values: EMPTY_TOKEN_FORM, errors: {}, created: null, tokens: [],
  };
  if (ctx.method !== "POST") return htmlReply(200, tokenPage({ ...base, tokens: apiRows(ctx, v.user) }));
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  const values = readForm(form);
  const checked = validate(ctx, values, true);
  if ("errors" in checked) return htmlReply(400, tokenPage({ ...base, values, errors: checked.errors, tokens: apiRows(ctx, v.user) }));
  const t = ctx.core.store.credentials.createApiToken({
    username: v.user.username, name: values.name, scopes: values.scopes, expiresAt: checked.at as number,
  });
  const email = v.user.emails.find((e) => e.isPrimary)?.email;
  return htmlReply(200, tokenPage({
    ...base, created: { name: t.name, token: t.token, gitUsername: "x-bitbucket-api-token-auth", email }, tokens: apiRows(ctx, v.user),
  }));
}

async function revokeApi(ctx: Ctx): Promise<Reply> {
  const v = viewer(ctx);
  if ("kind" in v) return v;
  if (!csrfValid(ctx, Form.parse(await ctx.body()))) return csrfFailure();
  ctx.core.store.credentials.revoke(ctx.params.id ?? "", (t) => "username" in t && t.username === v.user.username);
  return redirect(API_PATH);
}

/** Registered before the browse routes, whose patterns would shadow these. */
export function credentialRoutes(r: Router): void {
  const repo = "/:workspace/:slug/admin/access-tokens";
  const project = "/:workspace/workspace/projects/:key/settings/access-tokens";
  const workspace = "/:workspace/workspace/settings/access-tokens";
  for (const [path, kind] of [[repo, "repository"], [project, "project"], [workspace, "workspace"]] as const) {
    r.get(path, accessPage(kind)).post(path, accessPage(kind)).post(`${path}/:id/revoke`, revokeAccess(kind));
  }
  r.get(API_PATH, apiTokens).post(API_PATH, apiTokens).post(`${API_PATH}/:id/revoke`, revokeApi);
}
