import { Command, CommanderError } from "commander";
import { registerGitCredential } from "./commands/git-credential";
import { registerProjects } from "./commands/projects";
import { registerSession } from "./commands/session";
import { registerVcs } from "./commands/vcs";
import { CliError, EXIT } from "./errors";

const program = new Command("vcs-connect")
  .description("Manage vcs-connect's Bitbucket Cloud connections through its VCS API.")
  .option("--json", "print the API's JSON instead of tables")
  .option("--org <slug>", "the organization (default: the one your token belongs to)")
  .showHelpAfterError("(add --help for usage and examples)")
  .exitOverride()
  .addHelpText(
    "after",
    `
Log in once with \`vcs-connect login\`, or set VCS_CONNECT_URL and VCS_CONNECT_TOKEN.

Exit codes:
  0  done
  1  usage: a wrong command line, or not logged in
  2  the API refused (its message and hint are printed) or could not be reached
  3  timed out (vcs wait)

Example:
  $ vcs-connect vcs create --name Bitbucket --client-id "$KEY" --client-secret-stdin <<< "$SECRET"
`,
  );

registerSession(program);
registerVcs(program);
registerProjects(program);
registerGitCredential(program);
// Every subcommand reports usage errors through the same exit code.
const exitOverride = (command: Command) => {
  command.exitOverride();
  command.commands.forEach(exitOverride);
};
exitOverride(program);

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are not failures; commander already printed its message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    const { code, hint, field } = error.details;
    process.stderr.write(`Error${code ? ` (${code})` : ""}: ${error.message}${field && field !== "_" ? ` [field: ${field}]` : ""}\n`);
    if (hint) process.stderr.write(`Hint: ${hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.refused;
}

program.parseAsync(process.argv).then(
  () => process.exit(EXIT.ok),
  (error: unknown) => process.exit(report(error)),
);
