import type { z } from "zod";
import { AppError, isAppError } from "./app-error";
import { errorCatalog } from "./codes";

/** What the UI and the API show for a failure: the same codes, messages and hints. */
export type Failure = { code: string; message: string; hint: string; field?: string; fields?: Record<string, string> };

export function validationFailure(error: z.ZodError): Failure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  const [field, message] = Object.entries(fields)[0] ?? ["_", errorCatalog.invalid_input.message];
  return { code: "invalid_input", message, hint: errorCatalog.invalid_input.hint, field, fields };
}

export function appFailure(error: AppError): Failure {
  return { code: error.code, message: error.message, hint: error.hint, ...(error.field ? { field: error.field } : {}) };
}

/**
 * Known failures pass through; anything else becomes a generic message so internals
 * (and any secret they might carry) never reach the caller. The caller logs the original.
 */
export function toFailure(error: unknown): { failure: Failure; status: number; unexpected: boolean } {
  if (isAppError(error)) return { failure: appFailure(error), status: error.httpStatus, unexpected: false };
  return {
    failure: { code: "internal_error", message: "Something went wrong on our side.", hint: "Try again. If it keeps happening, the server log has the details." },
    status: 500,
    unexpected: true,
  };
}
