import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { describeError, errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import { deliverySource } from "@/lib/network/delivery-source";
import type { DeliverySummary } from "@/lib/webhooks/summarize";

const projectSelect = {
  id: true, fullName: true, name: true, workspaceSlug: true, slug: true, isPrivate: true, mainBranch: true, htmlUrl: true,
  cloneHttpsUrl: true, cloneSshUrl: true, events: true, hookStatus: true, hookErrorCode: true, lastPushAt: true, createdAt: true,
  connection: { select: { id: true, name: true, status: true } },
} as const;

type ProjectRow = { hookErrorCode: string | null; events: string; lastPushAt: Date | null; createdAt: Date };

function toProjectView<T extends ProjectRow>(project: T) {
  const code = project.hookErrorCode && project.hookErrorCode in errorCatalog ? (project.hookErrorCode as ErrorCode) : null;
  return {
    ...project,
    events: project.events.split(" "),
    hookError: code ? describeError(code) : null,
    lastPushAt: project.lastPushAt?.toISOString() ?? null,
    createdAt: project.createdAt.toISOString(),
  };
}

export async function listProjects(access: OrgAccess) {
  const projects = await db().project.findMany({ where: { organizationId: access.organization.id }, orderBy: { fullName: "asc" }, select: projectSelect });
  return projects.map(toProjectView);
}

export type ProjectView = Awaited<ReturnType<typeof listProjects>>[number];

export async function getProject(access: OrgAccess, id: string) {
  const project = await db().project.findFirst({ where: { id, organizationId: access.organization.id }, select: projectSelect });
  if (!project) throw new AppError("not_found", { detail: "project" });
  return toProjectView(project);
}

const deliverySelect = { id: true, requestUuid: true, eventKey: true, attempt: true, signatureOk: true, outcome: true, summary: true, receivedAt: true, sourceAddress: true } as const;

function toDeliveryView<T extends { summary: string; receivedAt: Date; sourceAddress: string | null }>({ sourceAddress, ...delivery }: T) {
  return { ...delivery, summary: JSON.parse(delivery.summary) as DeliverySummary, receivedAt: delivery.receivedAt.toISOString(), source: deliverySource(sourceAddress) };
}

/** The delivery log: newest first, summaries only (the raw payload is fetched on demand). */
export async function listDeliveries(access: OrgAccess, projectId: string, limit = 50) {
  await getProject(access, projectId);
  const deliveries = await db().webhookDelivery.findMany({ where: { projectId }, orderBy: { receivedAt: "desc" }, take: Math.min(limit, 200), select: deliverySelect });
  return deliveries.map(toDeliveryView);
}

/** The delivery log of a connection: the newest deliveries to any of its projects, each with its project. */
export async function listConnectionDeliveries(access: OrgAccess, connectionId: string, limit = 20) {
  const deliveries = await db().webhookDelivery.findMany({
    where: { project: { connectionId, organizationId: access.organization.id } },
    orderBy: { receivedAt: "desc" },
    take: Math.min(limit, 200),
    select: { ...deliverySelect, project: { select: { id: true, fullName: true } } },
  });
  return deliveries.map(toDeliveryView);
}

export async function getDeliveryPayload(access: OrgAccess, projectId: string, deliveryId: string) {
  await getProject(access, projectId);
  const delivery = await db().webhookDelivery.findFirst({ where: { id: deliveryId, projectId }, select: { payload: true } });
  if (!delivery) throw new AppError("not_found", { detail: "delivery" });
  return delivery.payload;
}

/** How many projects use a connection (deleting it asks about them). */
export async function countProjectsUsing(access: OrgAccess, connectionId: string): Promise<number> {
  return db().project.count({ where: { organizationId: access.organization.id, connectionId } });
}
