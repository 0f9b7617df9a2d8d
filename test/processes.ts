import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Runs a TypeScript worker in a separate Node process, as a second app process would
 * be. `react-server` makes `server-only` imports resolve as they do inside Next.
 */
export async function runWorker(script: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return stdout;
}

export type ChildProcessHandle = {
  /** Resolves with the first stdout line matching `pattern`. */
  line: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  send: (text: string) => void;
  kill: (signal: NodeJS.Signals) => Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
};

/** Starts a TypeScript script in its own Node process (as a separate app instance) and follows its output. */
export function startProcess(script: string, env: Record<string, string>): ChildProcessHandle {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wake of waiters) wake();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    line: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = stdout.split("\n").find((line) => pattern.test(line));
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line matching ${pattern} in time; stdout: ${stdout}; stderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
        void exited.then(() => setTimeout(() => waiters.has(check) && (waiters.delete(check), clearTimeout(timer), reject(new Error(`process exited; stderr: ${stderr}`))), 50));
      }),
    send: (text) => child.stdin.write(text),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    exited,
    output: () => stdout + stderr,
  };
}
