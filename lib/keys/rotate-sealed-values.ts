import "server-only";
import { sealContext } from "@/lib/connections/load-connection";
import { currentKeyId, openSecret, sealSecret } from "@/lib/crypto/keyring";
import { destinationSealContext } from "@/lib/alerts/seal-context";
import { db } from "@/lib/db";
import { subscriptionSealContext } from "@/lib/forwarding/seal-context";
import { projectSealContext } from "@/lib/webhooks/seal-context";

/** A sealed column: how to find values not yet under the current key, and how to replace one. */
type SealedColumn = {
  label: string;
  /** Values not sealed with the current key, after `afterId`, in id order. */
  batch(stalePrefix: string, afterId: string, take: number): Promise<{ id: string; sealed: string; context: string }[]>;
  remaining(stalePrefix: string): Promise<number>;
  /** Writes the new value only if the old one is still there; false if it changed meanwhile. */
  replace(id: string, previous: string, next: string): Promise<boolean>;
};

// Sealed, but not with the current key (leaves out nulls and the empty placeholder of a row being created).
const stale = (prefix: string) => ({ startsWith: "v1.", not: { startsWith: prefix } });

// Every column lib/crypto seals. A new sealed column belongs here, or rotation leaves it behind.
const columns: SealedColumn[] = [
  {
    label: "client secrets",
    batch: async (prefix, afterId, take) =>
      (await db().vcsConnection.findMany({
        where: { id: { gt: afterId }, clientSecretSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { clientSecretSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.clientSecretSealed!, context: sealContext.clientSecret(row.id) })),
    remaining: (prefix) => db().vcsConnection.count({ where: { clientSecretSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().vcsConnection.updateMany({ where: { id, clientSecretSealed: previous }, data: { clientSecretSealed: next } })).count === 1,
  },
  {
    label: "access tokens",
    batch: async (prefix, afterId, take) =>
      (await db().vcsGrant.findMany({
        where: { id: { gt: afterId }, accessTokenSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { accessTokenSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.accessTokenSealed, context: sealContext.accessToken(row.connectionId) })),
    remaining: (prefix) => db().vcsGrant.count({ where: { accessTokenSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().vcsGrant.updateMany({ where: { id, accessTokenSealed: previous }, data: { accessTokenSealed: next } })).count === 1,
  },
  {
    label: "refresh tokens",
    batch: async (prefix, afterId, take) =>
      (await db().vcsGrant.findMany({
        where: { id: { gt: afterId }, refreshTokenSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { refreshTokenSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.refreshTokenSealed!, context: sealContext.refreshToken(row.connectionId) })),
    remaining: (prefix) => db().vcsGrant.count({ where: { refreshTokenSealed: stale(prefix) } }),
    // Conditional on the sealed value, so a refresh that rotated the token meanwhile wins.
    replace: async (id, previous, next) =>
      (await db().vcsGrant.updateMany({ where: { id, refreshTokenSealed: previous }, data: { refreshTokenSealed: next } })).count === 1,
  },
  {
    label: "webhook secrets",
    batch: async (prefix, afterId, take) =>
      (await db().project.findMany({
        where: { id: { gt: afterId }, hookSecretSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { hookSecretSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.hookSecretSealed, context: projectSealContext.hookSecret(row.id) })),
    remaining: (prefix) => db().project.count({ where: { hookSecretSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().project.updateMany({ where: { id, hookSecretSealed: previous }, data: { hookSecretSealed: next } })).count === 1,
  },
  {
    label: "subscription signing secrets",
    batch: async (prefix, afterId, take) =>
      (await db().webhookSubscription.findMany({
        where: { id: { gt: afterId }, secretSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { secretSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.secretSealed, context: subscriptionSealContext.secret(row.id) })),
    remaining: (prefix) => db().webhookSubscription.count({ where: { secretSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().webhookSubscription.updateMany({ where: { id, secretSealed: previous }, data: { secretSealed: next } })).count === 1,
  },
  {
    label: "alert webhook URLs",
    batch: async (prefix, afterId, take) =>
      (await db().alertDestination.findMany({
        where: { id: { gt: afterId }, urlSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { urlSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.urlSealed!, context: destinationSealContext.url(row.id) })),
    remaining: (prefix) => db().alertDestination.count({ where: { urlSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().alertDestination.updateMany({ where: { id, urlSealed: previous }, data: { urlSealed: next } })).count === 1,
  },
  {
    label: "alert signing secrets",
    batch: async (prefix, afterId, take) =>
      (await db().alertDestination.findMany({
        where: { id: { gt: afterId }, secretSealed: stale(prefix) },
        orderBy: { id: "asc" },
        take,
        omit: { secretSealed: false },
      })).map((row) => ({ id: row.id, sealed: row.secretSealed!, context: destinationSealContext.secret(row.id) })),
    remaining: (prefix) => db().alertDestination.count({ where: { secretSealed: stale(prefix) } }),
    replace: async (id, previous, next) =>
      (await db().alertDestination.updateMany({ where: { id, secretSealed: previous }, data: { secretSealed: next } })).count === 1,
  },
];

export type ColumnReport = {
  label: string;
  /** Found under another key when the run started. */
  found: number;
  resealed: number;
  /** Rewritten by the app meanwhile (a refresh, a new secret): already under the current key. */
  changedMeanwhile: number;
  /** Did not open: its key is not configured, or the value was tampered with. Ids only. */
  failed: { id: string; reason: string }[];
};

export type RotationReport = { keyId: string; columns: ColumnReport[]; remaining: number };

export type Progress = (column: string, done: number, total: number) => void;

const BATCH = 100;

/**
 * Re-seals every sealed value under the current key (ENCRYPTION_KEY_ID). Values already
 * under it are skipped, so a second run finds nothing and an interrupted run resumes
 * where it stopped. Each value is replaced by a conditional update, so a concurrent
 * refresh or change in the running app is never overwritten.
 */
export async function rotateSealedValues(onProgress: Progress = () => {}): Promise<RotationReport> {
  const keyId = currentKeyId();
  const prefix = `v1.${keyId}.`;
  const reports: ColumnReport[] = [];
  for (const column of columns) {
    const report: ColumnReport = { label: column.label, found: await column.remaining(prefix), resealed: 0, changedMeanwhile: 0, failed: [] };
    let afterId = "";
    for (;;) {
      const rows = await column.batch(prefix, afterId, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        let plaintext: string;
        try {
          plaintext = openSecret(row.sealed, row.context);
        } catch (error) {
          report.failed.push({ id: row.id, reason: error instanceof Error ? error.message : "does not open" });
          continue;
        }
        if (await column.replace(row.id, row.sealed, sealSecret(plaintext, row.context))) report.resealed += 1;
        else report.changedMeanwhile += 1;
      }
      afterId = rows.at(-1)!.id;
      onProgress(column.label, report.resealed + report.changedMeanwhile + report.failed.length, report.found);
    }
    reports.push(report);
  }
  const remaining = (await Promise.all(columns.map((column) => column.remaining(prefix)))).reduce((a, b) => a + b, 0);
  return { keyId, columns: reports, remaining };
}
