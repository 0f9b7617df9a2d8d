import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CLI = join(process.cwd(), "bin/vcs-connect.mjs");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** A home of its own, so nothing from the machine's config (or a login) leaks in. */
export const cliHome = () => mkdtempSync(join(tmpdir(), "vcs-connect-cli-"));

export function cliEnvironment(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, ".config"), ...extra };
}

/** Starts the tool as a person's shell would; `done` resolves with its exit code and output. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, input = ""): { process: ChildProcess; stderr: () => string; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(input);
  const done = new Promise<CliResult>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { process: child, stderr: () => stderr, done };
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv, input = "") => startCli(args, env, input).done;
