import type { ReactNode } from "react";
import type { Failure } from "@/lib/errors/to-failure";
import { Notice } from "./notice";

/** What the browser shows when a request never got an answer. */
export const UNREACHABLE: Failure = { code: "network", message: "The server could not be reached.", hint: "Check your connection and try again." };

/**
 * What to show under one input after a failed attempt: a validation message for it, or
 * the message of an error that names it; with `hint`, its fix too ("Bitbucket rejected
 * the secret… Copy it again…"), for forms whose errors come with field-specific hints.
 */
export function fieldFailure(failure: Failure | undefined, field: string, hint = true): string | undefined {
  if (!failure) return undefined;
  if (failure.fields?.[field]) return failure.fields[field];
  if (failure.field === field) return failure.code === "invalid_input" || !hint ? failure.message : `${failure.message} ${failure.hint}`;
  return undefined;
}

type Attempt = { data?: { ok: boolean; error?: Failure }; isError: boolean };

/**
 * A form's failure from its mutation (a server action's `{ok: false, error}`, or no
 * answer at all), split into what goes under each field and what the form shows whole.
 */
export function useFormFailure(attempt: Attempt, fields: readonly string[], options: { hints?: boolean } = {}) {
  const hint = options.hints ?? true;
  const failure = attempt.data?.ok === false ? attempt.data.error : undefined;
  const formLevel = failure && !fields.some((field) => fieldFailure(failure, field, hint)) ? failure : undefined;
  return {
    failure,
    formLevel,
    unreachable: attempt.isError,
    fieldError: (field: string) => fieldFailure(failure, field, hint),
  };
}

/** The form-level part of a failure (the rest shows under its field), and "could not be reached". */
export function FormFailure({ formLevel, unreachable, extra }: { formLevel?: Failure; unreachable?: boolean; extra?: ReactNode }) {
  return (
    <>
      {formLevel ? <FailureNotice failure={formLevel}>{extra}</FailureNotice> : null}
      {unreachable ? <FailureNotice failure={UNREACHABLE} /> : null}
    </>
  );
}

/** One failure as an error notice: the message as its title, the hint below. */
export function FailureNotice({ failure, children }: { failure: Failure; children?: ReactNode }) {
  return (
    <Notice tone="error" title={failure.message}>
      {failure.hint}
      {children}
    </Notice>
  );
}
