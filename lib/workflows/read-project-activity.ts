import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { listForwards } from "@/lib/forwarding/read-forwarding";
import { readActivity } from "@/lib/projects/read-activity";

/**
 * A project's page activity (last push and delivery log, read with the caller's access),
 * each delivery with where it was forwarded and every attempt made. Every member may read it.
 */
export async function readProjectActivity(access: OrgAccess, projectId: string) {
  const activity = await readActivity(access, projectId);
  const forwards = await listForwards(activity.deliveries.map((delivery) => delivery.id));
  return { ...activity, deliveries: activity.deliveries.map((delivery) => ({ ...delivery, forwards: forwards.get(delivery.id) ?? [] })) };
}

export type ProjectActivityWithForwards = Awaited<ReturnType<typeof readProjectActivity>>;
