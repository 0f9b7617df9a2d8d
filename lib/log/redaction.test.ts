import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { log, setLogDestination } from "./index";

// Through the real logger: whatever shape a log call passes, secret-named fields never reach the output.
vi.stubEnv("LOG_LEVEL", "trace");
const lines: string[] = [];
setLogDestination(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));

const SECRET_NAMES = ["token", "accessToken", "refresh_token", "apiToken", "secret", "clientSecret", "client_secret", "password", "dbPassword", "authorization", "Authorization", "cookie", "set-cookie", "Cookie"];

function nestAt(depth: number, key: string, value: unknown): Record<string, unknown> {
  let object: Record<string, unknown> = { [key]: value };
  for (let level = depth - 1; level > 0; level--) object = { [`level${level}`]: object, sibling: `kept-${level}` };
  return object;
}

describe("log redaction", () => {
  it.each([1, 2, 3, 4])("hides a secret-named field at depth %i", (depth) => {
    for (const name of SECRET_NAMES) {
      const canary = `CANARY-${depth}-${name}-4f1c9a`;
      lines.length = 0;
      log().info(nestAt(depth, name, canary), "nested");
      const output = lines.join("");
      expect(output, `${name} at depth ${depth}`).not.toContain(canary);
      expect(output).toContain("[redacted]");
      if (depth > 1) expect(output).toContain(`kept-${depth - 1}`);
    }
  });

  it("hides them inside arrays and headers objects, and keeps everything else", () => {
    lines.length = 0;
    const entry = { request: { headers: { Authorization: "Bearer CANARY-bearer", accept: "application/json" } }, items: [{ secret: "CANARY-array" }], connectionId: "c1", tokensCleared: true };
    log().warn(entry, "shapes");
    const output = lines.join("");
    expect(output).not.toContain("CANARY");
    expect(output).toContain("application/json");
    expect(output).toContain('"connectionId":"c1"');
    expect(output).toContain('"tokensCleared":true');
    expect(entry.request.headers.Authorization).toBe("Bearer CANARY-bearer");
  });
});
