import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ensureLocalSecrets } from "./local-secrets";

describe("ensureLocalSecrets", () => {
  let file: string;
  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), "secrets-")), ".env.local");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("ENCRYPTION_KEY", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  const secrets = () => readFileSync(file, "utf8").match(/^AUTH_SECRET=.*$/gm) ?? [];

  it("creates the file with a strong secret once, then leaves it alone", () => {
    expect(ensureLocalSecrets(file)).toEqual(["AUTH_SECRET", "ENCRYPTION_KEY"]);
    const [line] = secrets();
    expect(line).toMatch(/^AUTH_SECRET=[A-Za-z0-9_-]{43}$/);
    expect(ensureLocalSecrets(file)).toEqual([]);
    expect(secrets()).toEqual([line]);
  });

  it("makes the file readable by its owner only on every start, not only when it creates it", () => {
    const mode = () => statSync(file).mode & 0o777;
    ensureLocalSecrets(file);
    expect(mode()).toBe(0o600);
    chmodSync(file, 0o644); // an editor, a copy or a checkout widened it
    expect(ensureLocalSecrets(file)).toEqual([]);
    expect(mode()).toBe(0o600);
    writeFileSync(file, "AUTH_SECRET=\n", { mode: 0o666 }); // copied from .env.example by hand
    chmodSync(file, 0o664);
    ensureLocalSecrets(file);
    expect(mode()).toBe(0o600);
  });

  it("fills an empty line from a copied .env.example instead of adding a second one", () => {
    writeFileSync(file, "APP_URL=http://localhost:3000\nAUTH_SECRET=\nLOG_LEVEL=info\n");
    ensureLocalSecrets(file);
    const text = readFileSync(file, "utf8");
    expect(secrets()).toHaveLength(1);
    expect(text).toMatch(/^APP_URL=http:\/\/localhost:3000\nAUTH_SECRET=\S{43}\nLOG_LEVEL=info\nENCRYPTION_KEY=\S{43}\n$/);
  });

  it("keeps a secret the operator set, in the file or the environment", () => {
    writeFileSync(file, "AUTH_SECRET=operator-chosen-secret-of-enough-length\nENCRYPTION_KEY=operator-key\n");
    expect(ensureLocalSecrets(file)).toEqual([]);
    vi.stubEnv("AUTH_SECRET", "from-the-environment-0123456789abcdef");
    vi.stubEnv("ENCRYPTION_KEY", "from-the-environment");
    writeFileSync(file, "");
    expect(ensureLocalSecrets(file)).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe("");
  });
});
