// Builds the repository page's push form and webhooks section for the signed-in viewer.
import { atLeast, userPermission } from "../api/access.js";
import type { Ctx } from "../context.js";
import type { SafeHtml } from "../html.js";
import { repoActivitySection, type PushFormView } from "../pages/repo-webhooks.js";
import type { SeedRepo } from "../repos.js";
import type { SeedUser, SeedWorkspace } from "../seed.js";
import type { Session } from "../types.js";

const RECENT_DELIVERIES = 10;

export function repoActivity(
  ctx: Ctx, ws: SeedWorkspace, repo: SeedRepo, viewer: SeedUser | undefined, session: Session,
  form?: Omit<PushFormView, "action" | "csrf">,
): SafeHtml {
  const fullName = `${ws.slug}/${repo.slug}`;
  const perm = viewer ? userPermission(viewer.username, ws, repo) : null;
  const flash = viewer ? session.flash : null;
  if (flash) ctx.core.store.setFlash(session, null);
  const push = atLeast(perm, "write")
    ? { action: `/${fullName}/push`, csrf: session.csrf, ...(form ?? { branch: repo.mainbranch, message: "", errors: {} }) }
    : null;
  const hooks = perm === "admin"
    ? ctx.core.store.hooks.list(fullName).map((hook) => ({ hook, deliveries: ctx.core.webhooks.log.list(hook.uuid, RECENT_DELIVERIES) }))
    : null;
  return repoActivitySection({ fullName, flash, push, hooks });
}
