/** Prisma's unique-constraint violation (P2002), whatever the driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/** Prisma's foreign-key violation (P2003): the row referred to is gone. */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2003";
}

/**
 * SQLite's "database is locked" in any of its forms: another process held the write lock
 * longer than the busy timeout, or this transaction's snapshot went stale before it could
 * write (SQLITE_BUSY_SNAPSHOT, which SQLite reports at once). Nothing was written; the
 * transaction can simply run again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const original = meta?.driverAdapterError?.cause?.originalCode;
  return (typeof code === "string" && code.startsWith("SQLITE_BUSY")) || (typeof original === "string" && original.startsWith("SQLITE_BUSY"));
}

/** Runs a transaction again (after a short, growing, random pause) while SQLite reports it busy. */
export async function retryWhenBusy<T>(transaction: () => Promise<T>, tries = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= tries || !isDatabaseBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * attempt) + Math.random() * 50));
    }
  }
}
