import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { validateServiceUrl } from "@/lib/http/service-url";
import type { DestinationInput } from "./schemas";
import { destinationSealContext, emailConfigured } from "./send";

/**
 * Adds an alert destination. A webhook URL passes the same checks as a connection's URLs
 * (https, no credentials; private networks only where allowed) and is sealed, since a
 * Slack or Teams webhook URL is itself the credential. A signed-JSON destination gets a
 * signing secret, returned once.
 */
export async function addDestination(access: OrgAccess, input: DestinationInput): Promise<{ id: string; signingSecret: string | null }> {
  requireRole(access, "admin");
  if (input.kind === "email" && !emailConfigured()) throw new AppError("alert_email_not_configured", { field: "email" });
  const url = input.kind === "webhook" ? validateServiceUrl(input.url, "url", { allowQuery: true }) : null;
  const signingSecret = input.kind === "webhook" && input.format === "json" ? randomToken(32) : null;
  const id = await db().$transaction(async (tx) => {
    const created = await tx.alertDestination.create({
      data: { organizationId: access.organization.id, kind: input.kind, format: input.kind === "webhook" ? input.format : null, email: input.kind === "email" ? input.email : null, urlHost: url ? new URL(url).host : null },
    });
    if (url) {
      await tx.alertDestination.update({
        where: { id: created.id },
        data: {
          urlSealed: sealSecret(url, destinationSealContext.url(created.id)),
          secretSealed: signingSecret ? sealSecret(signingSecret, destinationSealContext.secret(created.id)) : null,
        },
      });
    }
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "alert_destination.added",
      target: { type: "organization", id: access.organization.id },
      after: { kind: input.kind, format: created.format, host: created.urlHost, email: created.email },
    });
    return created.id;
  });
  return { id, signingSecret };
}

export async function removeDestination(access: OrgAccess, id: string): Promise<void> {
  requireRole(access, "admin");
  await db().$transaction(async (tx) => {
    const destination = await tx.alertDestination.findFirst({ where: { id, organizationId: access.organization.id } });
    if (!destination) throw new AppError("not_found", { detail: "alert destination" });
    await tx.alertDestination.delete({ where: { id } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "alert_destination.removed",
      target: { type: "organization", id: access.organization.id },
      before: { kind: destination.kind, format: destination.format, host: destination.urlHost, email: destination.email },
    });
  });
}
