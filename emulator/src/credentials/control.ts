// Control API for access and API tokens: create without the pages, list, expire now, revoke.
// The clock is moved with POST /_emulator/clock, so expiry can be reached on the emulator's time.
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import { PROJECTS, reposOf } from "../repos.js";
import type { Router } from "../router.js";
import { findUser, findWorkspace } from "../seed.js";
import { bad, parseBody } from "../routes/control-body.js";
import { createAccessTokenSchema, createApiTokenSchema, credentialIdSchema } from "./schemas.js";
import { ACCESS_TOKEN_SCOPES, DAY_MS, isApiTokenScope, MAX_API_TOKEN_DAYS } from "./scopes.js";

function expiresAt(ctx: Ctx, body: { expiresInDays?: number | null | undefined; expiresAt?: string | undefined }): number | null {
  if (body.expiresAt !== undefined) return Date.parse(body.expiresAt);
  if (body.expiresInDays === undefined || body.expiresInDays === null) return null;
  return ctx.core.clock.now() + body.expiresInDays * DAY_MS;
}

async function createAccessToken(ctx: Ctx): Promise<Reply> {
  const parsed = await parseBody(ctx, createAccessTokenSchema);
  if (!parsed.ok) return parsed.reply;
  const b = parsed.data;
  const ws = findWorkspace(b.workspace);
  if (!ws) return bad(`Invalid body: workspace: unknown workspace "${b.workspace}"`);
  if (b.kind === "project" && !(PROJECTS[ws.slug] ?? []).some((p) => p.key === b.project)) return bad(`Invalid body: project: no project "${b.project ?? ""}" in ${ws.slug}`);
  if (b.kind === "repository" && !reposOf(ws.slug).some((r) => r.slug === b.repository)) return bad(`Invalid body: repository: no repository "${b.repository ?? ""}" in ${ws.slug}`);
  const unknown = b.scopes.filter((s) => !(ACCESS_TOKEN_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) return bad(`Invalid body: scopes: not access token permissions: ${unknown.join(", ")}`);
  const t = ctx.core.store.credentials.createAccessToken({
    kind: b.kind, workspace: ws.slug, projectKey: b.project, repoSlug: b.repository, name: b.name, scopes: b.scopes,
    createdBy: ws.owner ?? Object.keys(ws.members)[0] ?? "", expiresAt: expiresAt(ctx, b), rateLimit: b.rateLimit,
  });
  return json(201, t);
}

async function createApiToken(ctx: Ctx): Promise<Reply> {
  const parsed = await parseBody(ctx, createApiTokenSchema);
  if (!parsed.ok) return parsed.reply;
  const b = parsed.data;
  const user = findUser(b.username);
  if (!user) return bad(`Invalid body: username: unknown user "${b.username}"`);
  const unknown = b.scopes.filter((s) => !isApiTokenScope(s));
  if (unknown.length > 0) return bad(`Invalid body: scopes: not Bitbucket API token scopes: ${unknown.join(", ")}`);
  const end = expiresAt(ctx, b) ?? ctx.core.clock.now() + MAX_API_TOKEN_DAYS * DAY_MS;
  if (end > ctx.core.clock.now() + MAX_API_TOKEN_DAYS * DAY_MS) return bad("Invalid body: expiresInDays: an API token expires within one year");
  const t = ctx.core.store.credentials.createApiToken({ username: user.username, name: b.name, scopes: b.scopes, expiresAt: end });
  return json(201, { ...t, email: user.emails.find((e) => e.isPrimary)?.email });
}

function byId(action: (ctx: Ctx, id: string) => boolean) {
  return async (ctx: Ctx): Promise<Reply> => {
    const parsed = await parseBody(ctx, credentialIdSchema);
    if (!parsed.ok) return parsed.reply;
    return action(ctx, parsed.data.id) ? json(200, { ok: true }) : json(404, { error: "token not found" });
  };
}

export function credentialControlRoutes(r: Router): void {
  r.get("/_emulator/credentials", (ctx) => json(200, ctx.core.store.credentials.all()))
    .post("/_emulator/access-tokens", createAccessToken)
    .post("/_emulator/api-tokens", createApiToken)
    .post("/_emulator/credentials/expire", byId((ctx, id) => ctx.core.store.credentials.expire(id)))
    .post("/_emulator/credentials/revoke", byId((ctx, id) => ctx.core.store.credentials.revoke(id)));
}
