// REST API 2.0 webhooks: GET/POST /repositories/{workspace}/{slug}/hooks, GET/PUT/DELETE …/hooks/{uid}.
import { z } from "zod";
import { findRepo, permissionOn } from "../api/access.js";
import { authenticate, isPrincipal, requireScope, type Principal } from "../api/auth.js";
import { apiError } from "../api/errors.js";
import { pageReply, parsePaging } from "../api/paging.js";
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import { bbTime, type SeedRepo } from "../repos.js";
import type { Router } from "../router.js";
import type { SeedWorkspace } from "../seed.js";
import { EVENT_KEYS, isEventKey } from "../webhooks/events.js";
import { hookJson } from "../webhooks/payloads.js";

interface Target {
  ws: SeedWorkspace;
  repo: SeedRepo;
  full: string;
}

type HookHandler = (ctx: Ctx, t: Target, p: Principal) => Reply | Promise<Reply>;

const NOT_ADMIN = "Access denied. You must have admin access to this repository to manage its webhooks.";

/** Scopes webhook and repository, then repository access; writes need admin on the repository. */
function endpoint(write: boolean, handler: HookHandler) {
  return async (ctx: Ctx): Promise<Reply> => {
    const p = authenticate(ctx);
    if (!isPrincipal(p)) return p;
    const denied = requireScope(p, "webhook", write) ?? requireScope(p, "repository");
    if (denied) return denied;
    const full = `${ctx.params.workspace}/${ctx.params.slug}`;
    const found = findRepo(ctx.params.workspace ?? "", ctx.params.slug ?? "");
    const perm = found ? permissionOn(p, found.ws, found.repo) : null;
    if (!found || perm === null) return apiError(404, `Repository ${full} not found`);
    if (write && perm !== "admin") return apiError(403, NOT_ADMIN);
    return handler(ctx, { ...found, full }, p);
  };
}

const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
};

const required = (kind: string) => (i: { input: unknown }) => (i.input === undefined ? "is required" : `must be ${kind}`);

const fields = {
  url: z.string({ error: required("a string") }).trim().max(2048, "must be at most 2048 characters")
    .refine(isHttpUrl, "must be an absolute http:// or https:// URL"),
  events: z.array(z.string({ error: "must be a string" }), { error: required("an array of event keys") })
    .min(1, "must name at least one event")
    .superRefine((events, c) => events.forEach((e, i) => {
      if (!isEventKey(e)) c.addIssue({ code: "custom", path: [i], message: `unknown event "${e}" (known: ${EVENT_KEYS.join(", ")})` });
    })),
  description: z.string({ error: "must be a string" }).max(255, "must be at most 255 characters"),
  active: z.boolean({ error: "must be true or false" }),
  secret: z.string({ error: "must be a string or null" }).max(128, "must be at most 128 characters").nullable(),
};

const createSchema = z.object({
  url: fields.url, events: fields.events, description: fields.description.optional(),
  active: fields.active.optional(), secret: fields.secret.optional(),
});
const updateSchema = createSchema.partial();

/** Bitbucket-style 400: the message names the fields, `fields` lists the problems per field. */
function invalid(issues: z.core.$ZodIssue[]): Reply {
  const byField: Record<string, string[]> = {};
  const parts: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    (byField[path[0] ?? "__all__"] ??= []).push(issue.message);
    parts.push(`${path.length > 0 ? path.join(".") : "body"}: ${issue.message}`);
  }
  return json(400, { type: "error", error: { message: `Invalid webhook: ${parts.join("; ")}`, fields: byField } });
}

async function readJson<S extends z.ZodType>(ctx: Ctx, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; reply: Reply }> {
  let value: unknown;
  try {
    value = JSON.parse((await ctx.body()).toString("utf8"));
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reply: apiError(400, "Invalid webhook: the request body must be a JSON object such as {\"url\": …, \"events\": [\"repo:push\"]}") };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reply: invalid(parsed.error.issues) };
}

const unique = (events: string[]) => [...new Set(events)];
/** An empty secret means none, like null. */
const secretOf = (s: string | null) => (s === null || s === "" ? null : s);

function findHook(ctx: Ctx, t: Target) {
  const hook = ctx.core.store.hooks.get(ctx.params.uid ?? "");
  return hook && hook.repo === t.full ? hook : undefined;
}

const hookMissing = (ctx: Ctx, t: Target) => apiError(404, "Webhook not found", `There is no webhook ${ctx.params.uid} on ${t.full}.`);

const list: HookHandler = (ctx, t) => {
  const paging = parsePaging(ctx);
  if ("kind" in paging) return paging;
  return pageReply(ctx, ctx.core.store.hooks.list(t.full), paging, (h) => hookJson(ctx.core, t.ws, t.repo, h));
};

const create: HookHandler = async (ctx, t) => {
  const body = await readJson(ctx, createSchema);
  if (!body.ok) return body.reply;
  const d = body.data;
  const hook = ctx.core.store.hooks.create({
    repo: t.full, url: d.url, description: d.description ?? "", active: d.active ?? true,
    events: unique(d.events), secret: secretOf(d.secret ?? null),
  }, bbTime(ctx.core.clock.now()));
  const out = hookJson(ctx.core, t.ws, t.repo, hook);
  return json(201, out, { location: out.links.self.href });
};

const read: HookHandler = (ctx, t) => {
  const hook = findHook(ctx, t);
  return hook ? json(200, hookJson(ctx.core, t.ws, t.repo, hook)) : hookMissing(ctx, t);
};

const update: HookHandler = async (ctx, t) => {
  const hook = findHook(ctx, t);
  if (!hook) return hookMissing(ctx, t);
  const body = await readJson(ctx, updateSchema);
  if (!body.ok) return body.reply;
  const d = body.data;
  const updated = ctx.core.store.hooks.update(hook.uuid, {
    url: d.url, description: d.description, active: d.active,
    events: d.events === undefined ? undefined : unique(d.events),
    secret: d.secret === undefined ? undefined : secretOf(d.secret),
  });
  return updated ? json(200, hookJson(ctx.core, t.ws, t.repo, updated)) : hookMissing(ctx, t);
};

const remove: HookHandler = (ctx, t) => {
  const hook = findHook(ctx, t);
  if (!hook) return hookMissing(ctx, t);
  ctx.core.store.hooks.delete(hook.uuid);
  return { kind: "send", status: 204, headers: {}, body: "" };
};

export function hookRoutes(r: Router): void {
  const base = "/2.0/repositories/:workspace/:slug/hooks";
  r.get(base, endpoint(false, list))
    .post(base, endpoint(true, create))
    .get(`${base}/:uid`, endpoint(false, read))
    .put(`${base}/:uid`, endpoint(true, update))
    .delete(`${base}/:uid`, endpoint(true, remove));
}
