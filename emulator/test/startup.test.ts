import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, optionsFromEnv } from "../src/config.js";
import { api, makeConsumer, start, userTokens } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "bbemu-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("environment", () => {
  it("reads every variable", () => {
    const o = optionsFromEnv({
      EMULATOR_PORT: "4200", EMULATOR_HOST: "0.0.0.0", EMULATOR_PUBLIC_URL: "http://bb.test:4200/", EMULATOR_STATE_FILE: "/tmp/x.json",
      EMULATOR_CONSUMERS: JSON.stringify([{ key: "k", secret: "s", name: "N", workspace: "acme", callbackUrl: "http://localhost:3000/cb", scopes: ["account"], isPrivate: false }]),
    });
    expect(o).toMatchObject({ port: 4200, host: "0.0.0.0", publicUrl: "http://bb.test:4200/", stateFile: "/tmp/x.json" });
    expect(o.consumers?.[0]?.key).toBe("k");
    expect(optionsFromEnv({})).toEqual({ port: 4100, host: "127.0.0.1" });
  });

  it("names the broken variable and the fix", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ EMULATOR_PORT: "eighty" }, /^EMULATOR_PORT is invalid: .*Fix: /],
      [{ EMULATOR_PUBLIC_URL: "http://x.test/sub" }, /^EMULATOR_PUBLIC_URL is invalid: .*no path/],
      [{ EMULATOR_CONSUMERS: "[{" }, /^EMULATOR_CONSUMERS is invalid: not valid JSON/],
      [{ EMULATOR_CONSUMERS: '[{"key":"k"}]' }, /^EMULATOR_CONSUMERS is invalid: 0\.secret/],
    ];
    for (const [env, message] of cases) {
      expect(() => optionsFromEnv(env)).toThrow(ConfigError);
      expect(() => optionsFromEnv(env)).toThrow(message);
    }
  });

  it("refuses a start-up consumer in an unknown workspace", async () => {
    await expect(start({ consumers: [{ key: "k", secret: "s", name: "N", workspace: "nope", callbackUrl: "", scopes: [], isPrivate: false }] }))
      .rejects.toThrow(/consumers\[0\]\.workspace/);
  });
});

describe("state file", () => {
  it("keeps consumers and tokens across a restart", async () => {
    const stateFile = join(dir, "state.json");
    const first = await start({ stateFile });
    const c = await makeConsumer(first, { name: "Survivor" });
    const t = await userTokens(first, c);
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).consumers[0].name).toBe("Survivor");

    const second = await start({ stateFile });
    const list = await (await second.control("GET", "/consumers")).json();
    expect(list.consumers.map((x: { key: string }) => x.key)).toEqual([c.key]);
    expect((await api(second, "/user", t.access_token)).status).toBe(200);
    await second.close();
  });

  it("stops with a clear message on a corrupt state file", async () => {
    const stateFile = join(dir, "bad.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(stateFile, "{not json");
    await expect(start({ stateFile })).rejects.toThrow(/not valid JSON/);
  });
});

describe("CLI", () => {
  it("logs the listening line, serves, and exits cleanly on SIGTERM", async () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/src/main.ts"], {
      cwd: root, env: { ...process.env, EMULATOR_PORT: "0" }, stdio: ["ignore", "pipe", "pipe"],
    });
    try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /Bitbucket Cloud emulator listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect((await fetch(`${url}/_emulator/health`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 15_000);
});
