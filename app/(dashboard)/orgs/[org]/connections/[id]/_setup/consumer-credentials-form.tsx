import type { FormEvent, ReactNode } from "react";
import { ConsumerKeyField, ConsumerSecretField } from "@/components/consumer-credential-fields";
import { fieldFailure, FormFailure } from "@/components/form-failure";
import { SubmitButton } from "@/components/form-fields";
import { primaryButton, secondaryButton } from "@/components/styles";
import type { Failure } from "@/lib/errors/to-failure";

/** Step 3's form: the key and secret, checked with Bitbucket at the Host URL of step 2. */
export function ConsumerCredentialsForm({
  failure,
  formLevel,
  keyValue,
  secret,
  savedKeyLast4,
  onKey,
  onSecret,
  onSubmit,
  pending,
  unreachable,
  hostLine,
  onCancel,
  connectNote,
}: {
  failure: Failure | undefined;
  formLevel: Failure | undefined;
  keyValue: string;
  secret: string;
  savedKeyLast4: string | null;
  onKey: (value: string) => void;
  onSecret: (value: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  unreachable: boolean;
  hostLine: ReactNode;
  onCancel?: () => void;
  /**
   * Offered on the first verification: "Verify and connect" goes on to Bitbucket once the
   * pair is accepted (the submitter's value is "connect"); this says where tokens will go.
   */
  connectNote?: string;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p>Copy both from the consumer on Bitbucket. The secret is stored encrypted and never shown again, not even here.</p>
      <FormFailure
        formLevel={formLevel}
        unreachable={unreachable}
        extra={formLevel?.field === "hostUrl" || formLevel?.field === "apiUrl" ? " The field is under Customize settings in step 2." : null}
      />
      {/* Field errors show under their field; this says them aloud as they appear. */}
      <p role="alert" className="sr-only">
        {fieldFailure(failure, "clientId") ?? fieldFailure(failure, "clientSecret") ?? ""}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <ConsumerKeyField
          id="consumer-key"
          value={keyValue}
          savedKeyLast4={savedKeyLast4}
          error={fieldFailure(failure, "clientId")}
          description={
            savedKeyLast4 ? (
              <>
                Saved key: <span className="font-mono">••••{savedKeyLast4}</span>. Leave empty to keep it, or paste another.
              </>
            ) : (
              "The consumer's Key (its client ID)."
            )
          }
          onChange={onKey}
        />
        <ConsumerSecretField
          id="consumer-secret"
          value={secret}
          error={fieldFailure(failure, "clientSecret")}
          description="The consumer's Secret (behind Show secret on Bitbucket)."
          onChange={onSecret}
        />
      </div>
      {hostLine}
      <div className="flex flex-wrap items-center gap-3">
        {connectNote !== undefined ? (
          <>
            <button type="submit" name="then" value="connect" disabled={pending} className={primaryButton}>
              {pending ? "Checking with Bitbucket…" : "Verify and connect"}
            </button>
            <button type="submit" disabled={pending} className={secondaryButton}>
              Verify key and secret
            </button>
          </>
        ) : (
          <SubmitButton pending={pending} pendingText="Checking with Bitbucket…">
            Verify key and secret
          </SubmitButton>
        )}
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Cancel
          </button>
        ) : null}
      </div>
      {connectNote !== undefined ? (
        <p data-testid="verify-connect-note" className="text-slate-600">
          Verify and connect opens Bitbucket to grant access as soon as the key and secret are accepted. {connectNote}
        </p>
      ) : null}
    </form>
  );
}
