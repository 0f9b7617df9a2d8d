// POST /{workspace}/{repo}/push: the repository page's "Push a commit" form.
import { atLeast, findRepo, userPermission } from "../api/access.js";
import type { Ctx } from "../context.js";
import { Form, htmlReply, redirect, type Reply } from "../http.js";
import { repoPage } from "../pages/browse.js";
import { errorPage } from "../pages/error.js";
import type { Router } from "../router.js";
import { branchName } from "../schemas.js";
import { csrfValid, currentUser, ensureSession, loginRedirect } from "../session.js";
import { ActivityError } from "../webhooks/activity.js";
import { triggerPush } from "../webhooks/triggers.js";
import { csrfFailure, notFound } from "./account.js";
import { repoActivity } from "./repo-activity.js";

const MAX_MESSAGE = 1000;

async function push(ctx: Ctx): Promise<Reply> {
  const session = ensureSession(ctx);
  const found = findRepo(ctx.params.workspace ?? "", ctx.params.slug ?? "");
  if (!found) return notFound();
  const { ws, repo } = found;
  const fullName = `${ws.slug}/${repo.slug}`;
  const viewer = currentUser(ctx);
  if (!viewer) return loginRedirect(ctx, `/${fullName}`);
  const perm = userPermission(viewer.username, ws, repo);
  if (perm === null && repo.isPrivate) return notFound();
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  if (!atLeast(perm, "write")) {
    return htmlReply(403, errorPage({ title: "Access denied", message: `You need write access to ${fullName} to push to it.` }));
  }

  const values = { branch: form.get("branch").trim(), message: form.get("message").trim() };
  const errors: { branch?: string; message?: string; form?: string } = {};
  const branch = branchName.safeParse(values.branch);
  if (!branch.success) errors.branch = `Branch ${branch.error.issues[0]?.message ?? "is invalid"}.`;
  if (values.message.length > MAX_MESSAGE) errors.message = `Keep the commit message under ${MAX_MESSAGE} characters.`;
  if (branch.success && !errors.message) {
    try {
      const { events, push: result } = triggerPush(ctx.core, ws, repo, {
        branch: branch.data, commits: 1, message: values.message || undefined, author: viewer.username,
      });
      const head = result.commits[result.commits.length - 1]?.hash.slice(0, 7) ?? "";
      const queued = events.length === 1 ? "1 webhook delivery" : `${events.length} webhook deliveries`;
      ctx.core.store.setFlash(session, `Pushed ${head} to ${result.branch}; ${queued} queued.`);
      return redirect(`/${fullName}`);
    } catch (e) {
      if (!(e instanceof ActivityError)) throw e;
      errors.form = e.message;
    }
  }
  return htmlReply(400, repoPage(repo, viewer, session.csrf, repoActivity(ctx, ws, repo, viewer, session, { ...values, errors })));
}

export function repoPushRoutes(r: Router): void {
  r.post("/:workspace/:slug/push", push);
}
