import { fields, table } from "../output";

// The parts of the API's connection bodies the tool shows; --json prints them whole.
export type Connection = {
  id: string;
  name: string;
  status: string;
  profile: string;
  hostUrl: string;
  apiUrl: string;
  clientIdLast4: string | null;
  callbackUrl: string;
  connectUrl: string;
  requiredScopes: string[];
  grantedScopes: string[];
  missingScopes: string[];
  account: { displayName: string | null; nickname: string | null } | null;
  expiresAt: string | null;
  lastCheckedAt: string | null;
  lastError: { code: string; message: string; hint: string } | null;
};
export type ConnectionStatus = Pick<Connection, "status" | "account" | "grantedScopes" | "missingScopes" | "expiresAt" | "lastCheckedAt" | "lastError">;

const accountName = (account: Connection["account"]) => (account ? (account.displayName ?? account.nickname) : null);
const list = (values: string[]) => (values.length > 0 ? values.join(" ") : null);

export const connectionTable = (connections: Connection[]) =>
  table(
    connections,
    [
      ["id", (c) => c.id],
      ["name", (c) => c.name],
      ["status", (c) => c.status],
      ["host", (c) => c.hostUrl],
      ["account", (c) => accountName(c.account)],
    ],
    "No connections yet. Create one with `vcs-connect vcs create --name <name>`.",
  );

const statusEntries = (status: ConnectionStatus): [string, string | null][] => [
  ["Status", status.status],
  ["Account", accountName(status.account)],
  ["Granted scopes", list(status.grantedScopes)],
  ["Missing scopes", list(status.missingScopes)],
  ["Token expires", status.expiresAt],
  ["Last checked", status.lastCheckedAt],
  ...(status.lastError ? ([["Last error", `${status.lastError.message} ${status.lastError.hint}`]] as [string, string][]) : []),
];

export const statusFields = (status: ConnectionStatus) => fields(statusEntries(status));

export const connectionFields = (c: Connection) =>
  fields([
    ["Id", c.id],
    ["Name", c.name],
    ["Profile", c.profile],
    ["Host URL", c.hostUrl],
    ["API URL", c.apiUrl],
    ["Key", c.clientIdLast4 ? `…${c.clientIdLast4}` : null],
    ["Required scopes", list(c.requiredScopes)],
    ["Callback URL", c.callbackUrl],
    ["Connect URL", c.connectUrl],
    ...statusEntries(c),
  ]);
