import type { Command } from "commander";
import { VcsApi } from "./api";
import { loadCredentials } from "./config";

export type Organization = { slug: string; name: string; role: string };
export type GlobalOptions = { json?: boolean; org?: string };

/** What every command that talks to the API needs: the client, the organization, the output mode. */
export async function commandContext(command: Command) {
  const options = command.optsWithGlobals<GlobalOptions>();
  const credentials = loadCredentials();
  const api = new VcsApi(credentials);
  const json = Boolean(options.json);
  let org = options.org ?? credentials.org;
  const orgPath = async () => {
    // A token belongs to one organization; without --org, it is that one.
    org ??= (await api.get<{ data: Organization[] }>("/organizations")).data[0]?.slug;
    return `/organizations/${encodeURIComponent(org ?? "")}`;
  };
  return { api, json, orgPath };
}

export function example(command: Command, ...lines: string[]): Command {
  return command.addHelpText("after", `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`);
}
