import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SANDBOX_DIR = "data/sandbox";
const APP_ENV_FILE = "app-env.json";

/**
 * The configuration `npm start` gives the app when it runs the sandbox (its URLs and
 * login consumer), saved with the sandbox's state so the project's other commands
 * (`npm run token:create`) reach the same instance without anyone copying variables.
 */
export function saveSandboxAppEnv(env: Record<string, string>, dir = SANDBOX_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, APP_ENV_FILE), `${JSON.stringify(env, null, 2)}\n`, { mode: 0o600 });
}

/**
 * When no login consumer is configured, fills in (never overrides) what the last
 * `npm start` gave the app from the sandbox. Returns whether it did.
 */
export function loadSandboxAppEnv(dir = SANDBOX_DIR, target: NodeJS.ProcessEnv = process.env): boolean {
  const file = join(dir, APP_ENV_FILE);
  if (target.BITBUCKET_LOGIN_CLIENT_ID || !existsSync(file)) return false;
  const saved = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  for (const [name, value] of Object.entries(saved)) if (!target[name]) target[name] = value;
  return true;
}
