import { createDatabaseClient, omittedColumns, type Database } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/sqlite/client";
import { migrateDeploy } from "./database";

export type TableCount = { model: string; rows: number };

// Models in the order prisma/models.prisma declares them, which puts every relation's
// target before the records that point to it (keep that order when adding a model).
const MODELS = Object.values(Prisma.ModelName);
const BATCH = 500;

type Delegate = {
  count(): Promise<number>;
  findMany(args: object): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
};

const delegate = (db: Database | Prisma.TransactionClient, model: string) =>
  (db as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

/** Every column, the sealed ones included (copied as they are: sealed values stay sealed). */
function allColumns(model: string) {
  const key = (model.charAt(0).toLowerCase() + model.slice(1)) as keyof typeof omittedColumns;
  const omitted = omittedColumns[key] as Record<string, boolean> | undefined;
  return omitted ? { omit: Object.fromEntries(Object.keys(omitted).map((column) => [column, false])) } : {};
}

// Rows are read in primary-key order: `id`, except where a model's key is another column or several.
const PRIMARY_KEYS: Record<string, string[]> = { Lease: ["name"], ConsumerCallCount: ["consumer", "kind", "minute"] };
export const orderBy = (model: string) => (PRIMARY_KEYS[model] ?? ["id"]).map((column) => ({ [column]: "asc" as const }));

export class CopyRefused extends Error {}

/**
 * Copies every record of a migrated database into another (SQLite or PostgreSQL either
 * way), in one transaction on the target: it is migrated first, must be empty, and ends
 * with exactly the source's rows, or nothing at all.
 */
export async function copyDatabase(fromUrl: string, toUrl: string, progress: (line: string) => void = () => {}): Promise<TableCount[]> {
  if (fromUrl === toUrl) throw new CopyRefused("--from and --to name the same database.");
  const source = createDatabaseClient(fromUrl);
  const target = createDatabaseClient(toUrl);
  try {
    progress("Applying migrations to the target…");
    await migrateDeploy(toUrl);
    const occupied: string[] = [];
    for (const model of MODELS) {
      const rows = await delegate(target, model).count();
      if (rows > 0) occupied.push(`${model} (${rows})`);
    }
    if (occupied.length > 0) {
      throw new CopyRefused(`The target database is not empty: ${occupied.join(", ")}. Copy into a new, empty database (create one, then run this again); nothing was changed.`);
    }
    const counts: TableCount[] = [];
    await target.$transaction(
      async (tx) => {
        for (const model of MODELS) {
          const total = await delegate(source, model).count();
          let copied = 0;
          while (copied < total) {
            const rows = await delegate(source, model).findMany({ ...allColumns(model), orderBy: orderBy(model), skip: copied, take: BATCH });
            if (rows.length === 0) break;
            await delegate(tx, model).createMany({ data: rows });
            copied += rows.length;
            progress(`  ${model}: ${copied}/${total}`);
          }
          if (total === 0) progress(`  ${model}: 0`);
          counts.push({ model, rows: copied });
        }
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    return counts;
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}
