/**
 * The guided Bitbucket Cloud setup, as pure data: where a connection stands in it, what
 * to enter on Bitbucket's "Add consumer" form, and how to read the `?result=` a page is
 * opened with after Connect. (Permission checklists live with the scopes, profile choices
 * with the profiles, URL defaults in ./defaults.) No data access: pages pass in a ConnectionView.
 */
import { errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import type { ConnectionView } from "./connection-view";
import { isDraft, isSettingUp, isWorking, type ConnectionStatus } from "./status";

type StepView = Pick<ConnectionView, "status" | "clientIdLast4" | "account" | "grantedScopes">;

/** 1 what it is for, 2 the consumer on Bitbucket, 3 key and secret, 4 Connect. */
export type SetupStep = 1 | 2 | 3 | 4;

/**
 * True while a connection has never been authorized: a draft, verified credentials
 * waiting for Connect, or a first Connect that failed (an error with no grant behind it).
 */
export function isInSetup(view: StepView): boolean {
  if (isSettingUp(view.status)) return true;
  return view.status === "error" && !view.account && view.grantedScopes.length === 0;
}

/** The step a connection in setup should continue at; null once it has been authorized. */
export function currentStep(view: StepView): SetupStep | null {
  if (!isInSetup(view)) return null;
  if (isDraft(view.status)) return view.clientIdLast4 ? 3 : 2;
  return 4;
}

export type StepState = "done" | "current" | "upcoming";

export function stepState(step: SetupStep, current: SetupStep | null): StepState {
  if (current === null || step < current) return "done";
  return step === current ? "current" : "upcoming";
}

/** One field of Bitbucket's "Add consumer" form and what to put in it. */
export type ConsumerFormField = {
  field: string;
  /** A value to copy into the field, when there is one. */
  value?: string;
  required: boolean;
  note: string;
};

export function consumerFormFields(input: { name: string; callbackUrl: string }): ConsumerFormField[] {
  const appUrl = new URL(input.callbackUrl).origin;
  return [
    { field: "Name", value: input.name, required: true, note: "Any name. People see it on Bitbucket's Grant access page, so this connection's name is a good choice." },
    { field: "Description", required: false, note: "A line for whoever looks at the workspace's consumers later." },
    {
      field: "Callback URL",
      value: input.callbackUrl,
      required: true,
      note: "Exactly this address. Bitbucket sends you back only to it after Grant access; it belongs to this connection alone.",
    },
    { field: "URL", required: false, note: `This app's address, ${appUrl}, tells people where the consumer is used.` },
    { field: "Privacy policy URL and EULA URL", required: false, note: "Leave empty." },
  ];
}

/** What `?result=` says after Connect: a status the callback set, or an error code from the catalog. */
export type ConnectResult =
  | { kind: "status"; status: Extract<ConnectionStatus, "connected" | "missing_permissions"> }
  | { kind: "error"; code: ErrorCode };

export function parseConnectResult(value: string | string[] | undefined): ConnectResult | null {
  const result = Array.isArray(value) ? value[0] : value;
  if (!result) return null;
  if (isWorking(result)) return { kind: "status", status: result as Extract<ConnectionStatus, "connected" | "missing_permissions"> };
  if (Object.hasOwn(errorCatalog, result)) return { kind: "error", code: result as ErrorCode };
  return null;
}

/** The credentials field a stored error belongs to, so a reloaded page shows it in the same place. */
export function fieldForError(code: string): "clientId" | "clientSecret" | "hostUrl" | "apiUrl" | null {
  switch (code) {
    case "consumer_key_unknown":
      return "clientId";
    case "consumer_secret_wrong":
      return "clientSecret";
    case "host_not_bitbucket":
      return "hostUrl";
    case "api_not_bitbucket":
      return "apiUrl";
    default:
      return null;
  }
}
