import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { usageError } from "./errors";

export type Credentials = { url: string; token: string; org?: string };
type Environment = Record<string, string | undefined>;

/** Where `login` keeps the URL and token: the user's config directory, readable by them alone. */
export function configFile(env: Environment = process.env): string {
  const base =
    env.XDG_CONFIG_HOME || (process.platform === "win32" && env.APPDATA) || (process.platform === "darwin" ? join(homedir(), "Library", "Application Support") : join(homedir(), ".config"));
  return join(base, "vcs-connect", "config.json");
}

export function normalizeUrl(raw: string): string {
  const value = raw.trim().replace(/\/+$/, "");
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw usageError(`“${raw}” is not an http(s) URL.`, "Give the address you open vcs-connect at, such as https://vcs-connect.example.com.");
  }
  return value;
}

/** VCS_CONNECT_URL / VCS_CONNECT_TOKEN (and VCS_CONNECT_ORG) win over what `login` stored. */
export function loadCredentials(env: Environment = process.env): Credentials {
  const file = configFile(env);
  const stored: Partial<Credentials> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const url = env.VCS_CONNECT_URL || stored.url;
  const token = env.VCS_CONNECT_TOKEN || stored.token;
  if (!url || !token) {
    throw usageError("Not logged in.", "Run `vcs-connect login`, or set VCS_CONNECT_URL and VCS_CONNECT_TOKEN.");
  }
  // A stored organization belongs to the stored token; another token names its own.
  const org = env.VCS_CONNECT_ORG || (env.VCS_CONNECT_TOKEN ? undefined : stored.org);
  return { url: normalizeUrl(url), token, ...(org ? { org } : {}) };
}

export function saveCredentials(credentials: Credentials, env: Environment = process.env): string {
  const file = configFile(env);
  mkdirSync(join(file, ".."), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // An existing file keeps its old mode on write; the token must be the user's alone.
  chmodSync(file, 0o600);
  return file;
}

export function removeCredentials(env: Environment = process.env): boolean {
  const file = configFile(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}
