import "server-only";
import type { Transaction } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { AlertBody, AlertKind } from "./catalog";

type Writer = Transaction | Database;

export type AlertFacts = {
  kind: AlertKind;
  /** The same key is alerted once: a threshold of one credential's end, one status change. */
  dedupeKey: string;
  title: string;
  happened: string;
  fix: string | null;
  severity: AlertBody["severity"];
  /** A path inside the app; the link is built from APP_URL. */
  path: string;
};

/** The app's address of a connection's page, where every fix for it starts. */
export const connectionPath = (orgSlug: string, connectionId: string) => `/orgs/${orgSlug}/connections/${connectionId}`;

/**
 * Records an alert about an organization (and a connection, when given) and queues one
 * delivery per destination, in the caller's transaction, so an alert exists exactly when
 * what it reports does. A key already alerted is skipped. Sending is ./deliver-alerts.ts.
 */
export async function enqueueAlert(tx: Writer, organizationId: string, connectionId: string | null, facts: AlertFacts) {
  if (await tx.alert.findUnique({ where: { dedupeKey: facts.dedupeKey }, select: { id: true } })) return null;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });
  const connection = connectionId ? await tx.vcsConnection.findUnique({ where: { id: connectionId }, select: { id: true, name: true } }) : null;
  const body: AlertBody = {
    kind: facts.kind,
    organization,
    connection,
    title: facts.title,
    happened: facts.happened,
    fix: facts.fix,
    link: `${env().APP_URL}${facts.path}`,
    severity: facts.severity,
    occurredAt: new Date().toISOString(),
  };
  const destinations = await tx.alertDestination.findMany({ where: { organizationId }, select: { id: true } });
  const alert = await tx.alert.create({
    data: {
      organizationId,
      connectionId,
      kind: facts.kind,
      dedupeKey: facts.dedupeKey,
      body: JSON.stringify(body),
      deliveries: { create: destinations.map((d) => ({ destinationId: d.id })) },
    },
  });
  return alert.id;
}
