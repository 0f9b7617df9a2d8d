import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VcsApi } from "./api";
import { connectionForHost, parseCredentialRequest } from "./commands/git-credential";
import type { Connection } from "./commands/vcs-views";
import { configFile, loadCredentials, saveCredentials } from "./config";
import { parseDuration } from "./duration";
import { CliError, EXIT } from "./errors";

const dir = mkdtempSync(join(tmpdir(), "vcs-connect-cli-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("stored credentials", () => {
  it("are written for the user alone (mode 600), even over a file that was readable by others", () => {
    const env = { XDG_CONFIG_HOME: dir };
    const file = configFile(env);
    saveCredentials({ url: "https://a.example", token: "t1" }, env);
    writeFileSync(file, "{}", { mode: 0o644 });
    saveCredentials({ url: "https://a.example", token: "t2", org: "acme" }, env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadCredentials(env)).toEqual({ url: "https://a.example", token: "t2", org: "acme" });
  });

  it("give way to VCS_CONNECT_URL / VCS_CONNECT_TOKEN, whose token names its own organization", () => {
    const env = { XDG_CONFIG_HOME: dir, VCS_CONNECT_URL: "https://b.example/", VCS_CONNECT_TOKEN: "env-token" };
    expect(loadCredentials(env)).toEqual({ url: "https://b.example", token: "env-token" });
  });

  it("say how to log in when there are none (a usage error)", () => {
    const error = (() => {
      try {
        loadCredentials({ XDG_CONFIG_HOME: join(dir, "empty") });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: EXIT.usage, details: { hint: expect.stringContaining("vcs-connect login") } });
  });
});

describe("listings", () => {
  let server: Server;
  let url = "";
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? "");
      const cursor = new URL(request.url ?? "", "http://x").searchParams.get("cursor");
      const page =
        cursor === null ? { data: [1, 2], next: "c2" } : cursor === "c2" ? { data: [3], next: "/api/v1/items?cursor=c3&limit=2" } : { data: [4], next: null };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("follow next, as a cursor or as a link, until the last page", async () => {
    const api = new VcsApi({ url, token: "t" });
    expect(await api.all<number>("/items?limit=2")).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual(["/api/v1/items?limit=2", "/api/v1/items?limit=2&cursor=c2", "/api/v1/items?cursor=c3&limit=2"]);
    seen.length = 0;
    expect(await api.all<number>("/items", 2)).toEqual([1, 2]);
    expect(seen).toHaveLength(1);
  });
});

describe("the git credential helper", () => {
  const connection = (id: string, hostUrl: string, status = "connected") => ({ id, hostUrl, status }) as Connection;

  it("reads git's request and finds the connection for its scheme and host (with port)", () => {
    const request = parseCredentialRequest("protocol=http\nhost=127.0.0.1:4100\npath=acme/x.git\n\n");
    expect(request).toEqual({ protocol: "http", host: "127.0.0.1:4100", path: "acme/x.git" });
    const sandbox = connection("a", "http://127.0.0.1:4100");
    expect(connectionForHost([connection("b", "https://bitbucket.org"), sandbox], request)).toBe(sandbox);
    expect(connectionForHost([connection("b", "https://bitbucket.org")], request)).toBeUndefined();
    expect(connectionForHost([connection("c", "https://127.0.0.1:4100")], request)).toBeUndefined();
  });

  it("prefers the one connected connection for a host, and asks to choose among several", () => {
    const request = { protocol: "https", host: "bitbucket.org" };
    const broken = connection("a", "https://bitbucket.org", "needs_reauthorization");
    const working = connection("b", "https://bitbucket.org");
    expect(connectionForHost([broken, working], request)).toBe(working);
    expect(connectionForHost([working, connection("c", "https://bitbucket.org")], request)).toBe("ambiguous");
    expect(connectionForHost([working, connection("c", "https://bitbucket.org")], request, "c")).toMatchObject({ id: "c" });
  });
});

describe("durations", () => {
  it("read 10m, 30s, 1h, 500ms and plain seconds", () => {
    expect([parseDuration("10m"), parseDuration("30s"), parseDuration("1h"), parseDuration("500ms"), parseDuration("5")]).toEqual([600_000, 30_000, 3_600_000, 500, 5_000]);
    expect(() => parseDuration("soon")).toThrow(CliError);
  });
});
