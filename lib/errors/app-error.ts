/**
 * The one error type that crosses module boundaries. Its code maps to a message and
 * a hint a person can act on (see ./codes), identically in pages and API responses.
 * Messages never contain secrets: callers pass facts (a status, a field), not values.
 */
import { errorCatalog, type ErrorCode } from "./codes";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly detail?: string;
  /** For transient failures: how long the other side asked us to wait (Retry-After). */
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, options: { field?: string; cause?: unknown; detail?: string; retryAfterMs?: number } = {}) {
    super(options.detail ? `${errorCatalog[code].message} (${options.detail})` : errorCatalog[code].message, {
      cause: options.cause,
    });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The same error, attributed to an input field (e.g. which URL's host failed). */
  withField(field: string): AppError {
    return new AppError(this.code, { field, detail: this.detail, cause: this.cause, retryAfterMs: this.retryAfterMs });
  }

  get hint(): string {
    return errorCatalog[this.code].hint;
  }

  get httpStatus(): number {
    return errorCatalog[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
