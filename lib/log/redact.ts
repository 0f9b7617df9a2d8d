/**
 * Secrets are never logged on purpose; this is the net for the accidental case. Any field
 * whose name looks like a credential is replaced, at any depth (up to MAX_DEPTH, deeper
 * objects are dropped), in plain objects and arrays. Booleans and numbers are kept
 * (`tokensCleared: true` tells nothing secret). The caller's object is never changed.
 */
export const SECRET_FIELD = /token|secret|password|passwd|authorization|cookie|api[-_]?key|private[-_]?key|credential|signature/i;
export const REDACTED = "[redacted]";
const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) return depth >= MAX_DEPTH ? REDACTED : value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Headers) return redactValue(Object.fromEntries(value), depth);
  if (!isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const keep = typeof item === "boolean" || typeof item === "number" || item === null || item === undefined;
    copy[key] = SECRET_FIELD.test(key) && !keep ? REDACTED : redactValue(item, depth + 1);
  }
  return copy;
}

export function redactSecrets(entry: Record<string, unknown>): Record<string, unknown> {
  return redactValue(entry, 0) as Record<string, unknown>;
}
