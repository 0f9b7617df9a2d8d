// What a migrated database looks like, read from its catalog, in a shape that is the same
// for SQLite and PostgreSQL when both migration histories describe the same schema.
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFile } from "../scripts/lib/database";

export type ColumnShape = { type: string; nullable: boolean; default: string | null };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean }>;
  foreignKeys: string[];
};
export type SchemaShape = Record<string, TableShape>;

const SQLITE_TYPES: Record<string, string> = { TEXT: "text", INTEGER: "integer", BOOLEAN: "boolean", DATETIME: "datetime", REAL: "float" };
const POSTGRES_TYPES: Record<string, string> = {
  text: "text",
  integer: "integer",
  boolean: "boolean",
  "timestamp without time zone": "datetime",
  "double precision": "float",
};
const ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** Defaults as both write them: `'member'::text` and `'member'` are the same default. */
function normalizeDefault(value: string | null): string | null {
  if (value === null) return null;
  return value.replace(/::[a-z ]+$/i, "").replace(/^CURRENT_TIMESTAMP$/i, "now");
}

export function sqliteShape(url: string): SchemaShape {
  const file = new Database(sqliteFile(url), { readonly: true });
  try {
    const tables = file
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'")
      .all() as { name: string }[];
    const shape: SchemaShape = {};
    for (const { name } of tables) {
      const columns = file.pragma(`table_info("${name}")`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      const indexes = (file.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[]).filter((i) => i.origin !== "pk");
      const foreignKeys = file.pragma(`foreign_key_list("${name}")`) as { table: string; from: string; to: string; on_delete: string }[];
      shape[name] = {
        columns: Object.fromEntries(
          columns.map((c) => [c.name, { type: SQLITE_TYPES[c.type] ?? c.type, nullable: c.notnull === 0 && c.pk === 0, default: normalizeDefault(c.dflt_value) }]),
        ),
        primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        indexes: Object.fromEntries(
          indexes.map((i) => [
            i.name,
            { columns: (file.pragma(`index_info("${i.name}")`) as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name), unique: i.unique === 1 },
          ]),
        ),
        foreignKeys: foreignKeys.map((f) => `${f.from} -> ${f.table}.${f.to} ON DELETE ${f.on_delete}`).sort(),
      };
    }
    return shape;
  } finally {
    file.close();
  }
}

export async function postgresShape(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table: string; name: string; type: string; nullable: string; default: string | null }>(
      `SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY ordinal_position`,
    );
    const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const foreignKeys = await client.query<{ table: string; columns: string[]; target: string; targetColumns: string[]; onDelete: string }>(
      `SELECT t.relname AS table, f.relname AS target, c.confdeltype AS "onDelete",
              array(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey))::text[] AS columns,
              array(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey))::text[] AS "targetColumns"
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace WHERE c.contype = 'f' AND s.nspname = 'public'`,
    );
    const shape: SchemaShape = {};
    const table = (name: string) => (shape[name] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] });
    for (const c of columns.rows) {
      table(c.table).columns[c.name] = { type: POSTGRES_TYPES[c.type] ?? c.type, nullable: c.nullable === "YES", default: normalizeDefault(c.default) };
    }
    for (const i of indexes.rows) {
      if (i.primary) table(i.table).primaryKey = i.columns;
      else table(i.table).indexes[i.name] = { columns: i.columns, unique: i.unique };
    }
    for (const f of foreignKeys.rows) {
      table(f.table).foreignKeys.push(`${f.columns.join(",")} -> ${f.target}.${f.targetColumns.join(",")} ON DELETE ${ON_DELETE[f.onDelete] ?? f.onDelete}`);
    }
    for (const t of Object.values(shape)) t.foreignKeys.sort();
    return shape;
  } finally {
    await client.end();
  }
}
