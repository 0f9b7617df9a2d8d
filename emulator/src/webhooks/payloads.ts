// Webhook bodies shaped like Bitbucket Cloud's (the commonly used parts, real field names).
import { createHash } from "node:crypto";
import { repositoryJson } from "../api/serialize.js";
import type { Core } from "../context.js";
import type { SeedRepo } from "../repos.js";
import { findUser, type SeedUser, type SeedWorkspace } from "../seed.js";
import type { CommitRecord, Hook, PullRequestRecord } from "../types.js";
import type { PushResult } from "./activity.js";

/** Bitbucket lists at most this many commits per change and sets `truncated`. */
const MAX_PUSH_COMMITS = 5;

const api = (core: Core) => `${core.publicUrl}/2.0`;

/** The "account" entity of event payloads. */
export function actorJson(core: Core, u: SeedUser) {
  return {
    type: "user",
    display_name: u.displayName,
    uuid: u.uuid,
    account_id: u.accountId,
    nickname: u.username,
    links: {
      self: { href: `${api(core)}/users/${encodeURIComponent(u.uuid)}` },
      html: { href: `${core.publicUrl}/${u.username}/` },
      avatar: { href: `${core.publicUrl}/account/${u.username}/avatar.svg` },
    },
  };
}

function actorOf(core: Core, username: string) {
  const u = findUser(username);
  return u ? actorJson(core, u) : { type: "user", display_name: username, nickname: username };
}

/** The "repository" entity of event payloads (and a hook's subject). */
export function repositorySummary(core: Core, ws: SeedWorkspace, r: SeedRepo) {
  const full = repositoryJson(core, ws, r);
  return {
    type: "repository", full_name: full.full_name, name: full.name, uuid: full.uuid, is_private: full.is_private,
    scm: full.scm, website: null, workspace: full.workspace, project: full.project,
    links: { self: full.links.self, html: full.links.html, avatar: full.links.avatar },
  };
}

function commitJson(core: Core, r: SeedRepo, c: CommitRecord) {
  const u = findUser(c.author);
  const base = `${r.workspace}/${r.slug}`;
  return {
    type: "commit",
    hash: c.hash,
    message: c.message,
    date: c.date,
    author: {
      type: "author",
      raw: u ? `${u.displayName} <${u.emails.find((e) => e.isPrimary)?.email ?? `${u.username}@example.invalid`}>` : c.author,
      ...(u ? { user: actorJson(core, u) } : {}),
    },
    parents: c.parents.map((hash) => ({ type: "commit", hash, links: { self: { href: `${api(core)}/repositories/${base}/commit/${hash}` } } })),
    links: {
      self: { href: `${api(core)}/repositories/${base}/commit/${c.hash}` },
      html: { href: `${core.publicUrl}/${base}/commits/${c.hash}` },
    },
  };
}

function branchState(core: Core, r: SeedRepo, name: string, head: CommitRecord) {
  const base = `${r.workspace}/${r.slug}`;
  return {
    type: "branch",
    name,
    target: commitJson(core, r, head),
    links: {
      self: { href: `${api(core)}/repositories/${base}/refs/branches/${encodeURIComponent(name)}` },
      commits: { href: `${api(core)}/repositories/${base}/commits/${encodeURIComponent(name)}` },
      html: { href: `${core.publicUrl}/${base}/branch/${encodeURIComponent(name)}` },
    },
  };
}

export function pushPayload(core: Core, ws: SeedWorkspace, r: SeedRepo, push: PushResult, actor: string) {
  const head = push.commits[push.commits.length - 1] as CommitRecord;
  const newestFirst = [...push.commits].reverse();
  const base = `${r.workspace}/${r.slug}`;
  const range = push.old ? `${head.hash}..${push.old.hash}` : head.hash;
  return {
    push: {
      changes: [{
        new: branchState(core, r, push.branch, head),
        old: push.old ? branchState(core, r, push.branch, push.old) : null,
        created: push.created,
        forced: false,
        closed: false,
        commits: newestFirst.slice(0, MAX_PUSH_COMMITS).map((c) => commitJson(core, r, c)),
        truncated: newestFirst.length > MAX_PUSH_COMMITS,
        links: {
          html: { href: `${core.publicUrl}/${base}/branches/compare/${range}` },
          commits: { href: `${api(core)}/repositories/${base}/commits?include=${head.hash}${push.old ? `&exclude=${push.old.hash}` : ""}` },
        },
      }],
    },
    actor: actorOf(core, actor),
    repository: repositorySummary(core, ws, r),
  };
}

export function pullRequestPayload(
  core: Core, ws: SeedWorkspace, r: SeedRepo, pr: PullRequestRecord, actor: string, heads: { source: string; destination: string },
) {
  const repo = repositorySummary(core, ws, r);
  const base = `${r.workspace}/${r.slug}`;
  const side = (branch: string, hash: string) => ({
    branch: { name: branch },
    commit: { type: "commit", hash: hash.slice(0, 12), links: { self: { href: `${api(core)}/repositories/${base}/commit/${hash.slice(0, 12)}` } } },
    repository: repo,
  });
  return {
    pullrequest: {
      type: "pullrequest",
      id: pr.id,
      title: pr.title,
      description: "",
      state: pr.state,
      author: actorOf(core, pr.author),
      source: side(pr.source, heads.source),
      destination: side(pr.destination, heads.destination),
      merge_commit: pr.state === "MERGED"
        ? { type: "commit", hash: createHash("sha1").update(`merge:${base}:${pr.id}`).digest("hex").slice(0, 12) }
        : null,
      close_source_branch: false,
      closed_by: pr.closedBy ? actorOf(core, pr.closedBy) : null,
      reason: "",
      comment_count: 0,
      task_count: 0,
      participants: [],
      reviewers: [],
      created_on: pr.createdOn,
      updated_on: pr.updatedOn,
      links: {
        self: { href: `${api(core)}/repositories/${base}/pullrequests/${pr.id}` },
        html: { href: `${core.publicUrl}/${base}/pull-requests/${pr.id}` },
      },
    },
    actor: actorOf(core, actor),
    repository: repo,
  };
}

/** A webhook subscription as the API returns it: never the secret, only whether one is set. */
export function hookJson(core: Core, ws: SeedWorkspace, r: SeedRepo, h: Hook) {
  const { type, full_name, name, uuid, links } = repositorySummary(core, ws, r);
  return {
    type: "webhook_subscription",
    uuid: h.uuid,
    url: h.url,
    description: h.description,
    subject_type: "repository",
    subject: { type, full_name, name, uuid, links },
    active: h.active,
    events: [...h.events],
    created_at: h.createdAt,
    secret_set: h.secret !== null,
    skip_cert_verification: false,
    links: { self: { href: `${api(core)}/repositories/${r.workspace}/${r.slug}/hooks/${encodeURIComponent(h.uuid)}` } },
  };
}
