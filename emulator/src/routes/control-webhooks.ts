// Control API for webhooks: list hooks, read and clear deliveries, trigger pushes and pull request events.
import { findRepo } from "../api/access.js";
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import type { Router } from "../router.js";
import { pullRequestTriggerSchema, pushSchema } from "../schemas.js";
import type { Hook } from "../types.js";
import { ActivityError } from "../webhooks/activity.js";
import { triggerPullRequest, triggerPush } from "../webhooks/triggers.js";
import { parseBody } from "./control-body.js";

/** Like the API's webhook_subscription, plus the repository; never the secret. */
function hookControlJson(h: Hook) {
  return {
    uuid: h.uuid, repository: h.repo, url: h.url, description: h.description, active: h.active,
    events: [...h.events], created_at: h.createdAt, secret_set: h.secret !== null,
  };
}

function repoOr404(ctx: Ctx) {
  const found = findRepo(ctx.params.workspace ?? "", ctx.params.slug ?? "");
  return found ?? json(404, { error: `repository ${ctx.params.workspace}/${ctx.params.slug} not found` });
}

function activityReply(e: unknown): Reply {
  if (e instanceof ActivityError) return json(e.status, { error: e.message });
  throw e;
}

async function push(ctx: Ctx): Promise<Reply> {
  const found = repoOr404(ctx);
  if ("kind" in found) return found;
  const parsed = await parseBody(ctx, pushSchema);
  if (!parsed.ok) return parsed.reply;
  try {
    const { events, push: result } = triggerPush(ctx.core, found.ws, found.repo, parsed.data);
    return json(202, { events, branch: result.branch, commits: result.commits.map((c) => c.hash) });
  } catch (e) {
    return activityReply(e);
  }
}

async function pullRequest(ctx: Ctx): Promise<Reply> {
  const found = repoOr404(ctx);
  if ("kind" in found) return found;
  const parsed = await parseBody(ctx, pullRequestTriggerSchema);
  if (!parsed.ok) return parsed.reply;
  try {
    const { events, pullrequest } = triggerPullRequest(ctx.core, found.ws, found.repo, parsed.data);
    return json(202, { events, pullrequest: { id: pullrequest.id, state: pullrequest.state } });
  } catch (e) {
    return activityReply(e);
  }
}

export function webhookControlRoutes(r: Router): void {
  r.get("/_emulator/hooks", (ctx) => json(200, { hooks: ctx.core.store.hooks.list().map(hookControlJson) }))
    .get("/_emulator/deliveries", (ctx) => {
      const hook = ctx.url.searchParams.get("hook");
      return json(200, { deliveries: ctx.core.webhooks.log.list(hook ?? undefined) });
    })
    .delete("/_emulator/deliveries", (ctx) => {
      ctx.core.webhooks.clear();
      return json(200, { ok: true });
    })
    .post("/_emulator/repositories/:workspace/:slug/push", push)
    .post("/_emulator/repositories/:workspace/:slug/pullrequests", pullRequest);
}
