import type { ReactNode } from "react";
import { TextField } from "./form-fields";

type Props = { id: string; value: string; onChange: (value: string) => void; error?: string; description: ReactNode };

/**
 * An OAuth consumer's Key, as every form that takes one shows it. With a saved key, the
 * field may stay empty (the saved one is kept) and shows its last four characters.
 */
export function ConsumerKeyField({ savedKeyLast4, ...props }: Props & { savedKeyLast4: string | null }) {
  return (
    <TextField
      id={props.id}
      label="Key"
      name="clientId"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      value={props.value}
      placeholder={savedKeyLast4 ? `••••${savedKeyLast4}` : undefined}
      error={props.error}
      description={props.description}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** An OAuth consumer's Secret: a password field, never filled in from the server. */
export function ConsumerSecretField(props: Props & { label?: string }) {
  return (
    <TextField
      id={props.id}
      label={props.label ?? "Secret"}
      name="clientSecret"
      type="password"
      autoComplete="off"
      spellCheck={false}
      value={props.value}
      error={props.error}
      description={props.description}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
