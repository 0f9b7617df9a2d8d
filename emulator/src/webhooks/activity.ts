// Simulated git history and pull requests of a repository, just enough for realistic event payloads.
import { createHash } from "node:crypto";
import { bbTime, type SeedRepo } from "../repos.js";
import type { CommitRecord, PullRequestRecord, RepoActivity } from "../types.js";
import type { PrAction } from "./events.js";

/** Refusal with the status the control API answers. */
export class ActivityError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface PushInput {
  branch: string;
  count: number;
  message?: string | undefined;
  author: string;
  now: number;
}

export interface PushResult {
  branch: string;
  old: CommitRecord | null;
  /** Oldest first; the last one is the new head. */
  commits: CommitRecord[];
  created: boolean;
}

export interface PrInput {
  id?: number | undefined;
  title?: string | undefined;
  source?: string | undefined;
  destination?: string | undefined;
  actor: string;
  now: number;
}

const fullName = (r: SeedRepo) => `${r.workspace}/${r.slug}`;
const sha1 = (seed: string) => createHash("sha1").update(seed).digest("hex");

/** Git's commit date format as Bitbucket shows it: seconds and +00:00. */
export function commitDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

export class ActivityStore {
  private repos = new Map<string, RepoActivity>();

  constructor(private readonly touch: () => void) {}

  /** The repository's state, starting from one "Initial commit" on its main branch. */
  private ensure(repo: SeedRepo, seedAuthor: string): RepoActivity {
    const key = fullName(repo);
    let a = this.repos.get(key);
    if (!a) {
      const initial: CommitRecord = {
        hash: sha1(`commit:${key}:0`), message: "Initial commit", date: commitDate(Date.parse(repo.updatedOn)),
        author: seedAuthor, parents: [],
      };
      a = { repo: key, commitSeq: 0, branches: { [repo.mainbranch]: initial }, pullRequests: [] };
      this.repos.set(key, a);
    }
    return a;
  }

  /** Hash of a branch head; a stable made-up one for branches the emulator never saw. */
  head(repo: SeedRepo, branch: string): string {
    return this.repos.get(fullName(repo))?.branches[branch]?.hash ?? sha1(`branch:${fullName(repo)}:${branch}`);
  }

  push(repo: SeedRepo, input: PushInput): PushResult {
    const a = this.ensure(repo, input.author);
    const old = a.branches[input.branch] ?? null;
    let parent = old ?? a.branches[repo.mainbranch] ?? null;
    const commits: CommitRecord[] = [];
    for (let i = 1; i <= input.count; i++) {
      a.commitSeq += 1;
      const base = input.message ?? `Commit ${a.commitSeq} on ${input.branch}`;
      const commit: CommitRecord = {
        hash: sha1(`commit:${a.repo}:${a.commitSeq}`),
        message: input.count === 1 ? base : `${base} (${i}/${input.count})`,
        date: commitDate(input.now - (input.count - i) * 1000),
        author: input.author,
        parents: parent ? [parent.hash] : [],
      };
      commits.push(commit);
      parent = commit;
    }
    a.branches[input.branch] = commits[commits.length - 1] as CommitRecord;
    this.touch();
    return { branch: input.branch, old, commits, created: old === null };
  }

  pullRequest(repo: SeedRepo, action: PrAction, input: PrInput): PullRequestRecord {
    const a = this.ensure(repo, input.actor);
    const prs = a.pullRequests;
    if (action === "created") return this.open(repo, a, input);
    const pr = input.id === undefined ? prs[prs.length - 1] : prs.find((p) => p.id === input.id);
    if (!pr) {
      const which = input.id === undefined ? "any pull request" : `pull request #${input.id}`;
      throw new ActivityError(404, `${a.repo} has no ${which}; send {"action": "created"} first`);
    }
    if (pr.state !== "OPEN") {
      throw new ActivityError(409, `pull request #${pr.id} on ${a.repo} is ${pr.state}; only open pull requests can be updated, merged or declined`);
    }
    if (action === "updated") {
      const source = input.source ?? pr.source;
      const destination = input.destination ?? pr.destination;
      if (source === destination) throw new ActivityError(400, "source and destination must be different branches");
      Object.assign(pr, { title: input.title ?? pr.title, source, destination });
    } else {
      pr.state = action === "fulfilled" ? "MERGED" : "DECLINED";
      pr.closedBy = input.actor;
    }
    pr.updatedOn = bbTime(input.now);
    this.touch();
    return { ...pr };
  }

  private open(repo: SeedRepo, a: RepoActivity, input: PrInput): PullRequestRecord {
    const id = input.id ?? a.pullRequests.reduce((max, p) => Math.max(max, p.id), 0) + 1;
    if (a.pullRequests.some((p) => p.id === id)) throw new ActivityError(409, `pull request #${id} already exists on ${a.repo}`);
    const source = input.source ?? `feature/sandbox-${id}`;
    const destination = input.destination ?? repo.mainbranch;
    if (source === destination) throw new ActivityError(400, "source and destination must be different branches");
    const pr: PullRequestRecord = {
      id, title: input.title ?? `Sandbox pull request #${id}`, source, destination, state: "OPEN",
      author: input.actor, closedBy: null, createdOn: bbTime(input.now), updatedOn: bbTime(input.now),
    };
    a.pullRequests.push(pr);
    this.touch();
    return { ...pr };
  }

  clear(): void {
    this.repos.clear();
    this.touch();
  }

  all(): RepoActivity[] {
    return [...this.repos.values()];
  }

  load(items: RepoActivity[]): void {
    this.repos.clear();
    for (const a of items) this.repos.set(a.repo, a);
  }
}
