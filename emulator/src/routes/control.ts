// Test control API under /_emulator: reset, consumers, token expiry/revocation, faults, stats, settings, clock
// (webhook controls: control-webhooks.ts).
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import { Router } from "../router.js";
import {
  clockSchema, consumerKeySchema, createConsumerSchema, faultSchema, revokeSchema, settingsSchema,
} from "../schemas.js";
import { findUser, findWorkspace } from "../seed.js";
import type { Consumer } from "../types.js";
import { bad, parseBody } from "./control-body.js";
import { webhookControlRoutes } from "./control-webhooks.js";
import { credentialControlRoutes } from "../credentials/control.js";

function consumerJson(c: Consumer) {
  return { ...c };
}

const notFound = (what: string) => json(404, { error: `${what} not found` });

const router = new Router()
  .get("/_emulator/health", () => json(200, { ok: true }))
  .post("/_emulator/reset", (ctx) => {
    ctx.core.store.reset();
    ctx.core.webhooks.clear();
    ctx.core.faults.clear();
    ctx.core.stats.reset();
    ctx.core.clock.offsetMs = 0;
    return json(200, { ok: true });
  })
  .get("/_emulator/consumers", (ctx) => json(200, { consumers: ctx.core.store.listConsumers().map(consumerJson) }))
  .get("/_emulator/consumers/:key", (ctx) => {
    const c = ctx.core.store.getConsumer(ctx.params.key ?? "");
    return c ? json(200, consumerJson(c)) : notFound("consumer");
  })
  .post("/_emulator/consumers", async (ctx) => {
    const parsed = await parseBody(ctx, createConsumerSchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    if (!findWorkspace(body.workspace)) return bad(`Invalid body: workspace: unknown workspace "${body.workspace}"`);
    if (body.key && ctx.core.store.getConsumer(body.key)) return json(409, { error: `key: a consumer with key "${body.key}" already exists` });
    return json(201, consumerJson(ctx.core.store.createConsumer(body)));
  })
  .delete("/_emulator/consumers/:key", (ctx) =>
    ctx.core.store.deleteConsumer(ctx.params.key ?? "") ? json(200, { ok: true }) : notFound("consumer"))
  .post("/_emulator/tokens/expire", async (ctx) => {
    const parsed = await parseBody(ctx, consumerKeySchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    if (!ctx.core.store.getConsumer(body.consumerKey)) return notFound("consumer");
    return json(200, { expired: ctx.core.store.expireAccessTokens(body.consumerKey) });
  })
  .post("/_emulator/grants/revoke", async (ctx) => {
    const parsed = await parseBody(ctx, revokeSchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    if (!ctx.core.store.getConsumer(body.consumerKey)) return notFound("consumer");
    if (body.username !== undefined && !findUser(body.username)) return bad(`Invalid body: username: unknown user "${body.username}"`);
    return json(200, { revoked: ctx.core.store.revokeGrants(body.consumerKey, body.username) });
  })
  .get("/_emulator/faults", (ctx) => json(200, { faults: ctx.core.faults.list() }))
  .post("/_emulator/faults", async (ctx) => {
    const parsed = await parseBody(ctx, faultSchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    ctx.core.faults.add(body);
    return json(201, { faults: ctx.core.faults.list() });
  })
  .delete("/_emulator/faults", (ctx) => {
    ctx.core.faults.clear();
    return json(200, { ok: true });
  })
  .get("/_emulator/stats", (ctx) => json(200, ctx.core.stats.toJSON()))
  .delete("/_emulator/stats", (ctx) => {
    ctx.core.stats.reset();
    return json(200, { ok: true });
  })
  .get("/_emulator/settings", (ctx) => json(200, ctx.core.store.settings))
  .put("/_emulator/settings", async (ctx) => {
    const parsed = await parseBody(ctx, settingsSchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    const s = ctx.core.store.settings;
    for (const [k, v] of Object.entries(body)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
    ctx.core.store.dirty = true;
    return json(200, s);
  })
  .post("/_emulator/clock", async (ctx) => {
    const parsed = await parseBody(ctx, clockSchema);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.data;
    ctx.core.clock.offsetMs += body.advanceSeconds * 1000;
    return json(200, { now: new Date(ctx.core.clock.now()).toISOString(), offsetSeconds: ctx.core.clock.offsetMs / 1000 });
  });

webhookControlRoutes(router);
credentialControlRoutes(router);

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const READS = new Set(["GET", "HEAD"]);

/**
 * The control API can reset, revoke and fake time: only local tools may use it. A web page
 * in the developer's browser cannot send a JSON content type without a CORS preflight (which
 * this server never answers), and a DNS-rebinding name still carries its own Host header.
 */
function refuseForeign(ctx: Ctx): Reply | null {
  const host = (ctx.req.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
  if (!LOOPBACK_HOSTS.has(host)) return json(403, { error: "The control API answers only requests addressed to localhost, 127.0.0.1 or [::1]." });
  const type = (ctx.req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (!READS.has(ctx.method) && type !== "application/json") {
    return json(415, { error: "Control requests that change state must be sent with content-type: application/json." });
  }
  return null;
}

export async function handleControl(ctx: Ctx): Promise<Reply> {
  const refused = refuseForeign(ctx);
  if (refused) return refused;
  const m = router.match(ctx.method, ctx.url.pathname);
  if (m.kind === "not-found") return json(404, { error: `No control endpoint ${ctx.method} ${ctx.url.pathname}` });
  if (m.kind === "method-not-allowed") return json(405, { error: `Use ${m.allowed.join(" or ")}` }, { allow: m.allowed.join(", ") });
  ctx.params = m.params;
  return m.handler(ctx);
}
