import { execFile } from "node:child_process";
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
