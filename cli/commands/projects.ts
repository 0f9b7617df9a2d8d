import type { Command } from "commander";
import { withQuery } from "../api";
import { commandContext, example } from "../context";
import { usageError } from "../errors";
import { print, table } from "../output";

type Project = { id: string; fullName: string; hookStatus: string; lastPushAt: string | null; connection: { name: string } };
type Delivery = { id: string; eventKey: string; outcome: string; signatureOk: boolean; receivedAt: string; summary: { kind: string; branch?: string | null; title?: string | null; head?: string | null } };

const describe = (summary: Delivery["summary"]) =>
  summary.kind === "push" ? `${summary.branch ?? "?"} ${summary.head?.slice(0, 7) ?? ""}`.trim() : summary.kind === "pullrequest" ? (summary.title ?? null) : null;

export function registerProjects(program: Command): void {
  const projects = example(program.command("projects").description("Projects: repositories with a webhook."), "vcs-connect projects list");
  example(
    projects.command("list").description("Every project, with its connection and webhook.").action(async (_o, command: Command) => {
      const { api, json, orgPath } = await commandContext(command);
      const rows = await api.all<Project>(`${await orgPath()}/projects`);
      print(json, rows, () =>
        table(
          rows,
          [["id", (p) => p.id], ["repository", (p) => p.fullName], ["connection", (p) => p.connection.name], ["webhook", (p) => p.hookStatus], ["last push", (p) => p.lastPushAt]],
          "No projects yet. Add them on the Projects page.",
        ),
      );
    }),
    "vcs-connect projects list --json",
  );

  const deliveries = example(program.command("deliveries").description("A project's webhook deliveries."), "vcs-connect deliveries list acme/payments-api");
  example(
    deliveries
      .command("list")
      .argument("<project>", "the project's id or its repository's full name (workspace/repository)")
      .option("--limit <n>", "at most this many, newest first", "50")
      .description("The delivery log, newest first.")
      .action(async (project: string, options: { limit: string }, command: Command) => {
        const { api, json, orgPath } = await commandContext(command);
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1) throw usageError("--limit must be a whole number above 0.");
        const base = await orgPath();
        const id = project.includes("/") ? (await api.all<Project>(`${base}/projects`)).find((p) => p.fullName === project)?.id : project;
        if (!id) throw usageError(`No project for ${project}.`, "See `vcs-connect projects list`.");
        const rows = await api.all<Delivery>(withQuery(`${base}/projects/${encodeURIComponent(id)}/deliveries`, { limit: Math.min(limit, 200) }), limit);
        print(json, rows, () =>
          table(
            rows,
            [["received", (d) => d.receivedAt], ["event", (d) => d.eventKey], ["outcome", (d) => d.outcome], ["signature", (d) => (d.signatureOk ? "verified" : "invalid")], ["summary", (d) => describe(d.summary)]],
            "No deliveries yet.",
          ),
        );
      }),
    "vcs-connect deliveries list acme/payments-api --limit 10",
  );
}
