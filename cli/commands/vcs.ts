import { Command, Option } from "commander";
import { commandContext, example } from "../context";
import { parseDuration } from "../duration";
import { CliError, EXIT, usageError } from "../errors";
import { print } from "../output";
import { prompter, readStdin } from "../prompt";
import { connectionFields, connectionTable, statusFields, type Connection, type ConnectionStatus } from "./vcs-views";

const STATUSES = ["draft", "awaiting_authorization", "connected", "missing_permissions", "error", "needs_reauthorization", "disconnected"];
const PROFILES = ["repository_sync", "terraform_vcs", "read_only", "sign_in_only", "custom"];

type CredentialOptions = { name?: string; clientId?: string; clientSecretStdin?: boolean; hostUrl?: string; apiUrl?: string };

/** The body's credential fields; the secret only from standard input, never the command line (ps, shell history). */
async function credentialBody(options: CredentialOptions) {
  if (options.clientId && !options.clientSecretStdin) throw usageError("--client-id needs the secret too.", "Pipe it in: `printf %s \"$SECRET\" | vcs-connect … --client-secret-stdin`.");
  const clientSecret = options.clientSecretStdin ? await readStdin() : undefined;
  if (options.clientSecretStdin && !clientSecret) throw usageError("--client-secret-stdin read nothing.", "Pipe the consumer's Secret into the command.");
  return { name: options.name, clientId: options.clientId, clientSecret, hostUrl: options.hostUrl, apiUrl: options.apiUrl };
}

const withCredentialOptions = (command: Command) =>
  command
    .option("--client-id <key>", "the OAuth consumer's Key")
    .option("--client-secret-stdin", "read the consumer's Secret from standard input")
    .option("--host-url <url>", "Bitbucket's address (default https://bitbucket.org)")
    .option("--api-url <url>", "Bitbucket's API address (default https://api.bitbucket.org/2.0)");

export function registerVcs(program: Command): void {
  const vcs = example(program.command("vcs").description("Bitbucket Cloud connections of the organization."), "vcs-connect vcs list");

  example(
    vcs.command("list").description("Every connection, with its status.").action(async (_o, command: Command) => {
      const { api, json, orgPath } = await commandContext(command);
      const connections = await api.all<Connection>(`${await orgPath()}/vcs`);
      print(json, connections, () => connectionTable(connections));
    }),
    "vcs-connect vcs list --json | jq -r '.[] | select(.status != \"connected\") | .name'",
  );

  example(
    vcs.command("show").argument("<id>", "the connection's id").description("A connection's configuration and status (never its secret or tokens).").action(async (id: string, _o, command: Command) => {
      const { api, json, orgPath } = await commandContext(command);
      const connection = await api.get<Connection>(`${await orgPath()}/vcs/${encodeURIComponent(id)}`);
      print(json, connection, () => connectionFields(connection));
    }),
    "vcs-connect vcs show clx2k3…",
  );

  example(
    withCredentialOptions(vcs.command("create").description("Create a connection; with a key and secret they are verified with Bitbucket first."))
      .requiredOption("--name <name>", "unique within the organization")
      .addOption(new Option("--profile <profile>", "what the connection is for (decides the scopes)").choices(PROFILES).default("repository_sync"))
      .option("--scopes <scopes...>", "with --profile custom: the scopes the consumer must grant")
      .action(async (options: CredentialOptions & { profile: string; scopes?: string[] }, command: Command) => {
        const { api, json, orgPath } = await commandContext(command);
        const body = { vcsType: "BITBUCKET", profile: options.profile, scopes: options.scopes, ...(await credentialBody(options)) };
        const connection = await api.request<Connection>("POST", `${await orgPath()}/vcs`, body);
        print(json, connection, () =>
          `${connectionFields(connection)}\n\n${
            connection.status === "awaiting_authorization"
              ? `Next: open the Connect URL in a browser signed in as an admin, then \`vcs-connect vcs wait ${connection.id}\`.`
              : `Next: register the Callback URL on an OAuth consumer, then \`vcs-connect vcs update ${connection.id} --client-id <key> --client-secret-stdin\`.`
          }`,
        );
      }),
    "vcs-connect vcs create --name Bitbucket --client-id \"$KEY\" --client-secret-stdin <<< \"$SECRET\"",
  );

  example(
    withCredentialOptions(vcs.command("update").argument("<id>", "the connection's id").description("Rename, or change the key, secret, Host URL or API URL (always with the secret)."))
      .option("--name <name>", "a new name")
      .action(async (id: string, options: CredentialOptions, command: Command) => {
        const { api, json, orgPath } = await commandContext(command);
        const body = await credentialBody(options);
        if (Object.values(body).every((value) => value === undefined)) throw usageError("Nothing to change.", "Give --name, or --client-id/--host-url/--api-url with --client-secret-stdin.");
        const connection = await api.request<Connection>("PATCH", `${await orgPath()}/vcs/${encodeURIComponent(id)}`, body);
        print(json, connection, () => connectionFields(connection));
      }),
    "vcs-connect vcs update clx2k3… --name \"Bitbucket (CI)\"",
  );

  example(
    vcs
      .command("delete")
      .argument("<id>", "the connection's id")
      .description("Delete a connection and its stored tokens (the consumer on Bitbucket stays).")
      .option("--remove-projects", "also remove the projects that use it, and their webhooks")
      .option("-y, --yes", "do not ask for confirmation")
      .action(async (id: string, options: { removeProjects?: boolean; yes?: boolean }, command: Command) => {
        const { api, json, orgPath } = await commandContext(command);
        if (!options.yes) {
          if (!process.stdin.isTTY) throw usageError("Deleting needs confirmation.", "Add --yes when running without a terminal.");
          const prompt = prompter();
          const answer = await prompt.ask(`Delete connection ${id} and its stored tokens? [y/N] `).finally(() => prompt.close());
          if (!/^y(es)?$/i.test(answer)) throw usageError("Not deleted.");
        }
        await api.request("DELETE", `${await orgPath()}/vcs/${encodeURIComponent(id)}${options.removeProjects ? "?removeProjects=true" : ""}`);
        print(json, { deleted: id }, () => `Deleted ${id}.`);
      }),
    "vcs-connect vcs delete clx2k3… --remove-projects --yes",
  );

  example(
    vcs.command("status").argument("<id>", "the connection's id").description("Status, account, scopes and the last error with its fix.").action(async (id: string, _o, command: Command) => {
      const { api, json, orgPath } = await commandContext(command);
      const status = await api.get<ConnectionStatus>(`${await orgPath()}/vcs/${encodeURIComponent(id)}/status`);
      print(json, status, () => statusFields(status));
    }),
    "vcs-connect vcs status clx2k3…",
  );

  example(
    vcs
      .command("wait")
      .argument("<id>", "the connection's id")
      .description("Wait until the connection reaches a status (for a script that hands an admin the Connect URL). Exits 3 on timeout.")
      .addOption(new Option("--until <status>", "the status to wait for").choices(STATUSES).default("connected"))
      .option("--timeout <duration>", "give up after this long (30s, 10m, 1h)", "10m")
      .option("--interval <duration>", "time between checks", "2s")
      .action(async (id: string, options: { until: string; timeout: string; interval: string }, command: Command) => {
        const { api, json, orgPath } = await commandContext(command);
        const deadline = Date.now() + parseDuration(options.timeout);
        const interval = Math.max(parseDuration(options.interval), 200);
        const path = `${await orgPath()}/vcs/${encodeURIComponent(id)}/status`;
        let last: string | undefined;
        for (;;) {
          const status = await api.get<ConnectionStatus>(path);
          if (status.status !== last && !json) process.stderr.write(`${new Date().toISOString()}  ${status.status}\n`);
          last = status.status;
          if (status.status === options.until) return print(json, status, () => statusFields(status));
          if (Date.now() + interval > deadline) {
            throw new CliError(`Still “${status.status}” after ${options.timeout}, not “${options.until}”.`, EXIT.timedOut, {
              hint: status.lastError ? `${status.lastError.message} ${status.lastError.hint}` : "Open the connection's Connect URL in a browser signed in as an admin.",
            });
          }
          await new Promise((resolve) => setTimeout(resolve, interval));
        }
      }),
    "vcs-connect vcs wait clx2k3… --until connected --timeout 10m",
  );
}
