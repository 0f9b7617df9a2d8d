import type { Command } from "commander";
import { commandContext, example } from "../context";
import { CliError, EXIT } from "../errors";
import { readStdin } from "../prompt";
import type { Connection } from "./vcs-views";

type TokenBody = { data: { accessToken: string; expiresAt: string | null; scopes: string[]; gitUsername: string } };

/** git's credential protocol: `key=value` lines. */
export function parseCredentialRequest(text: string): Record<string, string> {
  const entries = text.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.includes("="));
  return Object.fromEntries(entries.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

/** The connection whose Host URL git is asking about: same scheme and host (with port). */
export function connectionForHost(connections: Connection[], request: Record<string, string>, chosen?: string): Connection | "ambiguous" | undefined {
  const matches = connections.filter((c) => {
    const host = new URL(c.hostUrl);
    return host.protocol === `${request.protocol}:` && host.host === request.host && (!chosen || c.id === chosen);
  });
  if (matches.length <= 1) return matches[0];
  const connected = matches.filter((c) => c.status === "connected");
  return connected.length === 1 ? connected[0] : "ambiguous";
}

export function registerGitCredential(program: Command): void {
  example(
    program
      .command("git-credential")
      .argument("<operation>", "get, store or erase (git passes it)")
      .option("--connection <id>", "use this connection when several serve the same host")
      .description(
        "A git credential helper: answers `get` with x-token-auth and a fresh access token for a host one of the organization's connections serves. Nothing is stored; `store` and `erase` do nothing.",
      )
      .action(async (operation: string, options: { connection?: string }, command: Command) => {
        const request = parseCredentialRequest(await readStdin());
        // Tokens are fresh on every request and live hours; there is nothing to store or erase.
        if (operation !== "get" || !request.host || !request.protocol) return;
        const { api, orgPath } = await commandContext(command);
        const base = await orgPath();
        const match = connectionForHost(await api.all<Connection>(`${base}/vcs`), request, options.connection);
        // No answer lets git ask its next helper (or the person).
        if (!match) return;
        if (match === "ambiguous") {
          throw new CliError(`Several connections serve ${request.host}.`, EXIT.usage, { hint: "Choose one: git config credential.helper '!vcs-connect git-credential --connection <id>'." });
        }
        const { data } = await api.request<TokenBody>("POST", `${base}/vcs/${encodeURIComponent(match.id)}/token`);
        const expiry = data.expiresAt ? `password_expiry_utc=${Math.floor(new Date(data.expiresAt).getTime() / 1000)}\n` : "";
        process.stdout.write(`protocol=${request.protocol}\nhost=${request.host}\nusername=${data.gitUsername || "x-token-auth"}\npassword=${data.accessToken}\n${expiry}`);
      }),
    "git config --global credential.https://bitbucket.org.helper '!vcs-connect git-credential'",
  );
}
