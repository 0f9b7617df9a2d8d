import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";
import { describe, expect, it } from "vitest";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** Runs `npm start`'s script with an environment, watching the sandbox's port until it exits. */
async function start(env: Record<string, string>) {
  const sandboxPort = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", BITBUCKET_LOGIN_CLIENT_ID: "", EMULATOR_PORT: String(sandboxPort), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let sandboxListened = false;
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 40_000;
  while (!done && Date.now() < deadline) {
    if (await listening(sandboxPort)) sandboxListened = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!done) child.kill("SIGTERM");
  return { code: await exited, output, sandboxListened };
}

describe("npm start in production", () => {
  it.each([
    ["a public APP_URL (even with NODE_ENV=development)", { APP_URL: "https://vcs-connect.example.com" }],
    ["NODE_ENV=production", { NODE_ENV: "production", APP_URL: "http://localhost:3000" }],
  ])("with %s and no login consumer: never listens on the sandbox port, exits non-zero naming BITBUCKET_LOGIN_CLIENT_ID and the fix", async (_, env) => {
    const result = await start(env);
    expect(result.sandboxListened).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.output).toMatch(/BITBUCKET_LOGIN_CLIENT_ID is not set, and this is a production start/);
    expect(result.output).toMatch(/Fix: create a login consumer on Bitbucket/);
  }, 60_000);
});
