import type { Command } from "commander";
import { VcsApi } from "../api";
import { configFile, normalizeUrl, removeCredentials, saveCredentials } from "../config";
import { commandContext, example, type Organization } from "../context";
import { CliError, EXIT, usageError } from "../errors";
import { print, table } from "../output";
import { prompter } from "../prompt";

export function registerSession(program: Command): void {
  example(
    program
      .command("login")
      .description("Ask for the instance's URL and an API token, check them, and keep them in your config directory (mode 600).")
      .option("--url <url>", "the instance's address (asked for when left out)")
      .action(async (options: { url?: string }) => {
        const prompt = prompter();
        let url: string;
        let token: string;
        try {
          url = normalizeUrl(options.url ?? (await prompt.ask("vcs-connect URL (such as https://vcs-connect.example.com): ")));
          token = await prompt.ask("API token (Settings → API tokens): ", { secret: true });
        } finally {
          prompt.close();
        }
        if (!token) throw usageError("No token given.", "Create one under Settings → API tokens in your organization.");
        const api = new VcsApi({ url, token });
        const organizations = await api.get<{ data: Organization[] }>("/organizations").catch((error: unknown) => {
          if (error instanceof CliError && error.details.status === 404) {
            throw new CliError(`${url} has no VCS API.`, EXIT.refused, { hint: "Check the URL: it is the address you open vcs-connect at." });
          }
          throw error;
        });
        const org = organizations.data[0];
        const file = saveCredentials({ url, token, ...(org ? { org: org.slug } : {}) });
        process.stderr.write(`Logged in to ${url}${org ? ` (organization “${org.slug}”, role ${org.role})` : ""}. Saved in ${file}.\n`);
      }),
    "vcs-connect login",
    "vcs-connect login --url https://vcs-connect.example.com < token.txt",
  );

  example(
    program
      .command("logout")
      .description("Forget the URL and token `login` stored.")
      .action(() => {
        process.stderr.write(removeCredentials() ? `Removed ${configFile()}.\n` : "Not logged in.\n");
      }),
    "vcs-connect logout",
  );

  example(
    program
      .command("orgs")
      .description("The organizations your token reaches, with the role it acts with.")
      .action(async (_options, command: Command) => {
        const { api, json } = await commandContext(command);
        const organizations = await api.get<{ data: Organization[] }>("/organizations");
        print(json, organizations.data, () => table(organizations.data, [["slug", (o) => o.slug], ["name", (o) => o.name], ["role", (o) => o.role]], "No organizations."));
      }),
    "vcs-connect orgs --json",
  );
}
