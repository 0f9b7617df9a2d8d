import { z } from "zod";

// The parts of Bitbucket's payloads a person wants to see; everything else stays in the raw payload.
const actor = z.object({ display_name: z.string().optional(), nickname: z.string().optional() }).loose();
const commit = z.object({ hash: z.string(), message: z.string().optional(), author: z.object({ raw: z.string().optional() }).loose().optional() }).loose();
const pushPayload = z.object({
  actor: actor.optional(),
  push: z.object({
    changes: z.array(
      z.object({
        new: z.object({ type: z.string().optional(), name: z.string().optional(), target: commit.optional() }).loose().nullable().optional(),
        commits: z.array(commit).optional(),
        truncated: z.boolean().optional(),
      }).loose(),
    ),
  }).loose(),
}).loose();
const pullRequestPayload = z.object({
  actor: actor.optional(),
  pullrequest: z.object({ id: z.number().optional(), title: z.string().optional(), state: z.string().optional() }).loose(),
}).loose();

export type DeliverySummary =
  | { kind: "push"; branch: string | null; commits: number; head: string | null; message: string | null; author: string | null }
  | { kind: "pullrequest"; id: number | null; title: string | null; state: string | null; author: string | null }
  | { kind: "other" };

/** Branch, commits and author for a push; title and state for a pull request. */
export function summarize(eventKey: string, payload: unknown): DeliverySummary {
  if (eventKey === "repo:push") {
    const parsed = pushPayload.safeParse(payload);
    if (!parsed.success) return { kind: "other" };
    const change = parsed.data.push.changes[0];
    const head = change?.new?.target ?? change?.commits?.[0];
    return {
      kind: "push",
      branch: change?.new?.name ?? null,
      commits: parsed.data.push.changes.reduce((total, c) => total + (c.commits?.length ?? 0), 0),
      head: head?.hash ?? null,
      message: head?.message?.split("\n")[0] ?? null,
      author: head?.author?.raw ?? parsed.data.actor?.display_name ?? null,
    };
  }
  if (eventKey.startsWith("pullrequest:")) {
    const parsed = pullRequestPayload.safeParse(payload);
    if (!parsed.success) return { kind: "other" };
    const pr = parsed.data.pullrequest;
    return { kind: "pullrequest", id: pr.id ?? null, title: pr.title ?? null, state: pr.state ?? null, author: parsed.data.actor?.display_name ?? null };
  }
  return { kind: "other" };
}
