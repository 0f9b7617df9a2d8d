import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import type { DeliverySummary } from "@/lib/webhooks/summarize";
import { listDeliveries } from "./read-projects";

export type LastPush = {
  deliveryId: string;
  receivedAt: string;
  branch: string | null;
  commits: number;
  head: string | null;
  message: string | null;
  author: string | null;
};

/**
 * A project's recent activity for its page: the newest push (even when it is older than
 * the deliveries shown) and the delivery log, newest first. Every member may read it.
 */
export async function readActivity(access: OrgAccess, projectId: string, limit = 50) {
  const deliveries = await listDeliveries(access, projectId, limit);
  const shownPush = deliveries.find((delivery) => delivery.summary.kind === "push");
  const push =
    shownPush ??
    (await db()
      .webhookDelivery.findFirst({
        where: { projectId, eventKey: "repo:push" },
        orderBy: { receivedAt: "desc" },
        select: { id: true, summary: true, receivedAt: true },
      })
      .then((found) => (found ? { id: found.id, summary: JSON.parse(found.summary) as DeliverySummary, receivedAt: found.receivedAt.toISOString() } : undefined)));
  const lastPush: LastPush | null =
    push && push.summary.kind === "push"
      ? {
          deliveryId: push.id,
          receivedAt: push.receivedAt,
          branch: push.summary.branch,
          commits: push.summary.commits,
          head: push.summary.head,
          message: push.summary.message,
          author: push.summary.author,
        }
      : null;
  return { lastPush, deliveries };
}

export type ProjectActivity = Awaited<ReturnType<typeof readActivity>>;
export type DeliveryView = ProjectActivity["deliveries"][number];
