import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SANDBOX_DIR, saveSandboxAppEnv } from "./sandbox-env";

const EMULATOR_MAIN = fileURLToPath(new URL("../../emulator/src/main.ts", import.meta.url));

export type Sandbox = { process: ChildProcess; url: string; env: Record<string, string> };

/** The sandbox's login consumer: generated once per machine, kept with the sandbox's state. */
function loginConsumerCredentials(dir: string): { key: string; secret: string } {
  const file = join(dir, "login-consumer.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(dir, { recursive: true });
  const credentials = { key: randomBytes(16).toString("hex"), secret: randomBytes(36).toString("base64url") };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Bitbucket sandbox exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(`${url}/_emulator/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Bitbucket sandbox did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * Starts the bundled Bitbucket Cloud emulator with a login consumer for this app, and
 * returns the configuration that points the app at it: the app itself knows only URLs.
 */
export async function startSandbox(appUrl: string, port: number, dir = SANDBOX_DIR): Promise<Sandbox> {
  const url = `http://127.0.0.1:${port}`;
  const { key, secret } = loginConsumerCredentials(dir);
  const consumer = {
    key,
    secret,
    name: "vcs-connect sign-in",
    workspace: "acme",
    callbackUrl: `${appUrl}/api/auth/callback/bitbucket`,
    scopes: ["account", "email"],
    isPrivate: false,
  };
  const child = spawn(process.execPath, ["--import", "tsx", EMULATOR_MAIN], {
    stdio: "inherit",
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_STATE_FILE: join(dir, "emulator-state.json"),
      EMULATOR_CONSUMERS: JSON.stringify([consumer]),
    },
  });
  await waitUntilHealthy(url, child);
  const env = {
    BITBUCKET_HOST_URL: url,
    BITBUCKET_API_URL: `${url}/2.0`,
    BITBUCKET_LOGIN_CLIENT_ID: key,
    BITBUCKET_LOGIN_CLIENT_SECRET: secret,
    // The sandbox is a loopback http:// host, which connections may then use: its
    // origin and nothing else on the machine or its network.
    ALLOWED_PRIVATE_ORIGINS: [process.env.ALLOWED_PRIVATE_ORIGINS, url].filter(Boolean).join(","),
  };
  saveSandboxAppEnv(env, dir);
  return { process: child, url, env };
}
