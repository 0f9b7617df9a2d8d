import "server-only";
import { db } from "@/lib/db";
import { describeError, type ErrorCode } from "@/lib/errors/codes";
import { connectionPath, enqueueAlert } from "./enqueue-alert";

const hourKey = (at: Date) => at.toISOString().slice(0, 13);
const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Webhook deliveries to a project are failing (its hook could not be registered, or
 * deliveries to it could not be processed or forwarded). Told once per project per day.
 * Callers: hook registration (lib/projects/register-hook.ts), and the outbox when it marks a
 * forwarding subscription failing (lib/outbox/forward-message.ts).
 */
export async function alertWebhookFailing(projectId: string, reason: ErrorCode, at = new Date()) {
  const project = await db().project.findUnique({ where: { id: projectId }, include: { organization: { select: { slug: true } } } });
  if (!project) return;
  const why = describeError(reason);
  await enqueueAlert(db(), project.organizationId, project.connectionId, {
    kind: "webhook_failing",
    dedupeKey: `webhook:${projectId}:${dayKey(at)}`,
    title: `${project.fullName}: webhook deliveries failing`,
    happened: `Webhook deliveries for project ${project.fullName} are failing. ${why.message}`,
    fix: why.hint,
    severity: "bad",
    path: `/orgs/${project.organization.slug}/projects/${project.id}`,
  });
}

/**
 * A consumer's calls in the rolling hour passed 80 % of Bitbucket's budget (1,000 per hour
 * for OAuth consumers). Called by the per-consumer call counter
 * (lib/connections/consumer-usage.ts); told once per consumer per hour.
 */
export async function alertCallBudget(input: { connectionId: string; used: number; limit: number; at?: Date }) {
  const at = input.at ?? new Date();
  if (input.used < input.limit * 0.8) return;
  const connection = await db().vcsConnection.findUnique({ where: { id: input.connectionId }, include: { organization: { select: { slug: true } } } });
  if (!connection) return;
  const percent = Math.round((input.used / input.limit) * 100);
  await enqueueAlert(db(), connection.organizationId, connection.id, {
    kind: "call_budget",
    dedupeKey: `budget:${connection.clientId ?? connection.id}:${hourKey(at)}`,
    title: `${connection.name}: ${percent} % of the hourly call budget used`,
    happened: `${connection.name} made ${input.used} of Bitbucket's ${input.limit} calls per rolling hour for its consumer. At the limit Bitbucket answers 429 and syncs stall.`,
    fix: "Spread the work out, or give heavy automation its own consumer (each consumer has its own budget).",
    severity: "warning",
    path: connectionPath(connection.organization.slug, connection.id),
  });
}
