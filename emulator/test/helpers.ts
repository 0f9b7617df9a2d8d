// Shared test plumbing: start an emulator, a tiny cookie jar, login and OAuth-dance helpers.
import { createManualClock, type ManualClock } from "../src/clock.js";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../src/server.js";

export interface TestEmulator extends RunningEmulator {
  clock: ManualClock;
  control(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function start(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = createManualClock();
  const emu = await startEmulator({ port: 0, clock, ...options });
  return {
    ...emu,
    clock,
    control: (method, path, body) =>
      fetch(`${emu.url}/_emulator${path}`, {
        method,
        // The control API takes only JSON requests (a bodyless one too).
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** Keeps cookies across requests and never follows redirects, like a careful browser. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  post(url: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
    return this.fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  }
}

export function inputValue(page: string, name: string): string | undefined {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(page);
  return m?.[1]?.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
}

export function csrf(page: string): string {
  const token = inputValue(page, "csrf_token");
  if (!token) throw new Error("page has no csrf_token field");
  return token;
}

export async function login(jar: CookieJar, url: string, username: string, next = "/"): Promise<Response> {
  const page = await (await jar.fetch(`${url}/account/signin?next=${encodeURIComponent(next)}`)).text();
  return jar.post(`${url}/account/signin`, { csrf_token: csrf(page), username, password: `${username}-pass`, next });
}

export interface ConsumerJson {
  key: string;
  secret: string;
  name: string;
  workspace: string;
  callbackUrl: string;
  scopes: string[];
  isPrivate: boolean;
}

export async function makeConsumer(emu: TestEmulator, overrides: Record<string, unknown> = {}): Promise<ConsumerJson> {
  const res = await emu.control("POST", "/consumers", {
    workspace: "acme", name: "Test app", callbackUrl: "http://localhost:3000/api/callback/bitbucket",
    scopes: ["account", "email", "repository"], isPrivate: false, ...overrides,
  });
  if (res.status !== 201) throw new Error(`consumer create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ConsumerJson;
}

export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

export function tokenRequest(emu: TestEmulator, fields: Record<string, string>, auth?: { key: string; secret: string }): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (auth) headers.authorization = basic(auth.key, auth.secret);
  return fetch(`${emu.url}/site/oauth2/access_token`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** Logs in (if needed), opens the consent page and presses a button; returns the redirect. */
export async function consent(
  emu: TestEmulator, jar: CookieJar, c: ConsumerJson,
  opts: { state?: string; redirectUri?: string; decision?: "grant" | "cancel"; username?: string } = {},
): Promise<Response> {
  const q = new URLSearchParams({ client_id: c.key, response_type: "code" });
  if (opts.state !== undefined) q.set("state", opts.state);
  if (opts.redirectUri !== undefined) q.set("redirect_uri", opts.redirectUri);
  const authorizeUrl = `${emu.url}/site/oauth2/authorize?${q}`;
  let res = await jar.fetch(authorizeUrl);
  if (res.status === 302) {
    await login(jar, emu.url, opts.username ?? "alice");
    res = await jar.fetch(authorizeUrl);
  }
  if (res.status !== 200) throw new Error(`consent page: ${res.status}`);
  const page = await res.text();
  const fields: Record<string, string> = { csrf_token: csrf(page), decision: opts.decision ?? "grant" };
  for (const name of ["client_id", "response_type", "state", "redirect_uri"]) {
    const v = inputValue(page, name);
    if (v !== undefined) fields[name] = v;
  }
  return jar.post(`${emu.url}/site/oauth2/authorize`, fields);
}

export interface TokenJson {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  scopes?: string;
  refresh_token?: string;
  state: string;
}

/** Full authorization-code dance for alice; returns the token response body. */
export async function userTokens(emu: TestEmulator, c: ConsumerJson, username = "alice"): Promise<TokenJson> {
  const res = await consent(emu, new CookieJar(), c, { username });
  const code = new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const tok = await tokenRequest(emu, { grant_type: "authorization_code", code }, c);
  if (tok.status !== 200) throw new Error(`token exchange: ${tok.status} ${await tok.text()}`);
  return (await tok.json()) as TokenJson;
}

export function api(emu: TestEmulator, path: string, token?: string): Promise<Response> {
  return fetch(path.startsWith("http") ? path : `${emu.apiUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}
