// Simulated repository events (a push, a pull request change) that fan out to webhooks.
import { atLeast, defaultActor, userPermission } from "../api/access.js";
import type { Core } from "../context.js";
import type { SeedRepo } from "../repos.js";
import { findUser, type SeedWorkspace } from "../seed.js";
import type { PullRequestRecord } from "../types.js";
import { ActivityError, type PushResult } from "./activity.js";
import type { EmittedEvent } from "./dispatcher.js";
import type { PrAction } from "./events.js";
import { pullRequestPayload, pushPayload } from "./payloads.js";

export interface PushTrigger {
  branch?: string | undefined;
  commits: number;
  message?: string | undefined;
  author?: string | undefined;
}

export interface PullRequestTrigger {
  action: PrAction;
  id?: number | undefined;
  title?: string | undefined;
  source?: string | undefined;
  destination?: string | undefined;
  author?: string | undefined;
}

/** The acting user: named (and allowed to write) or the workspace's default. */
function actingUser(ws: SeedWorkspace, repo: SeedRepo, username: string | undefined): string {
  const name = username ?? defaultActor(ws, repo);
  if (name === undefined) {
    throw new ActivityError(400, `Invalid body: author: nobody in ${ws.slug} may write to ${ws.slug}/${repo.slug} (members write to every third repository only)`);
  }
  if (!findUser(name)) throw new ActivityError(400, `Invalid body: author: unknown user "${name}" (use alice, bob or carol)`);
  if (!atLeast(userPermission(name, ws, repo), "write")) {
    throw new ActivityError(400, `Invalid body: author: ${name} has no write access to ${ws.slug}/${repo.slug}`);
  }
  return name;
}

export function triggerPush(core: Core, ws: SeedWorkspace, repo: SeedRepo, t: PushTrigger): { events: EmittedEvent[]; push: PushResult } {
  const author = actingUser(ws, repo, t.author);
  const push = core.store.activity.push(repo, {
    branch: t.branch ?? repo.mainbranch, count: t.commits, message: t.message, author, now: core.clock.now(),
  });
  const events = core.webhooks.emit(`${ws.slug}/${repo.slug}`, "repo:push", pushPayload(core, ws, repo, push, author));
  return { events, push };
}

export function triggerPullRequest(
  core: Core, ws: SeedWorkspace, repo: SeedRepo, t: PullRequestTrigger,
): { events: EmittedEvent[]; pullrequest: PullRequestRecord } {
  const actor = actingUser(ws, repo, t.author);
  const pr = core.store.activity.pullRequest(repo, t.action, {
    id: t.id, title: t.title, source: t.source, destination: t.destination, actor, now: core.clock.now(),
  });
  const heads = { source: core.store.activity.head(repo, pr.source), destination: core.store.activity.head(repo, pr.destination) };
  const payload = pullRequestPayload(core, ws, repo, pr, actor, heads);
  return { events: core.webhooks.emit(`${ws.slug}/${repo.slug}`, `pullrequest:${t.action}`, payload), pullrequest: pr };
}
