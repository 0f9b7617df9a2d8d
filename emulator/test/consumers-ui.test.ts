import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, CookieJar, csrf, login, start, userTokens, type ConsumerJson, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => { emu = await start(); });
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await emu.control("POST", "/reset"); });

const NEW = "/acme/workspace/settings/oauth-consumers/new";
const LIST = "/acme/workspace/settings/api";

async function adminJar(username = "alice"): Promise<CookieJar> {
  const jar = new CookieJar();
  await login(jar, emu.url, username);
  return jar;
}

/** The per-consumer container on the list page, cut out of the HTML. */
function consumerBlock(page: string, name: string): string {
  const blocks = page.split('<section class="card" data-testid="consumer"').slice(1);
  const block = blocks.find((b) => b.includes(`data-testid="consumer-name">${name}<`));
  if (!block) throw new Error(`no consumer block for ${name}`);
  return block;
}

const testId = (block: string, id: string) => new RegExp(`data-testid="${id}">([^<]*)<`).exec(block)?.[1];

describe("Add consumer page", () => {
  it("needs a login", async () => {
    const res = await fetch(`${emu.url}${NEW}`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/account/signin?next=${encodeURIComponent(NEW)}`);
  });

  it("refuses a non-admin with 403", async () => {
    const jar = await adminJar("bob");
    expect((await jar.fetch(`${emu.url}${NEW}`)).status).toBe(403);
    expect((await jar.fetch(`${emu.url}${LIST}`)).status).toBe(403);
    const carol = await adminJar("carol");
    expect((await carol.fetch(`${emu.url}${NEW}`)).status).toBe(403);
  });

  it("labels every field and permission uniquely", async () => {
    const page = await (await (await adminJar()).fetch(`${emu.url}${NEW}`)).text();
    for (const [id, label] of [["name", "Name"], ["description", "Description"], ["callback_url", "Callback URL"], ["url", "URL"], ["privacy_policy_url", "Privacy policy URL"], ["eula_url", "EULA URL"]]) {
      expect(page).toContain(`<label for="${id}">${label}`);
      expect(page).toContain(`id="${id}"`);
    }
    expect(page).toMatch(/<label class="check" for="is_private">.*This is a private consumer<\/label>/);
    expect(page).toContain('<span class="sr-only">Repositories: </span>Admin</label>');
    expect(page).toContain('<span class="sr-only">Webhooks: </span>Read and write</label>');
    expect(page).toContain('<span class="sr-only">Pipelines: </span>Edit variables</label>');
    expect(page.match(/<input type="checkbox" id="scope-[a-z-]+" name="scopes"/g)).toHaveLength(24);
  });

  it("creates a consumer with implied scopes and shows key and secret on the list page", async () => {
    const jar = await adminJar();
    const form = await (await jar.fetch(`${emu.url}${NEW}`)).text();
    const res = await jar.post(`${emu.url}${NEW}`, {
      csrf_token: csrf(form), name: "vcs-connect <dev>", description: "Local", callbackUrl: "http://localhost:3000/api/oauth/bitbucket/callback",
      url: "http://localhost:3000", privacyPolicyUrl: "", eulaUrl: "", is_private: "on", scopes: ["account", "pullrequest:write", "webhook"],
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(LIST);
    const page = await (await jar.fetch(`${emu.url}${LIST}`)).text();
    expect(page).toContain("vcs-connect &lt;dev&gt;");
    expect(page).not.toContain("vcs-connect <dev>");
    const block = consumerBlock(page, "vcs-connect &lt;dev&gt;");
    const key = testId(block, "consumer-key") ?? "";
    const secret = testId(block, "consumer-secret") ?? "";
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(secret).toMatch(/^[A-Za-z0-9]{64,}$/);
    expect(block).toContain("<summary>Show secret</summary>");
    expect(testId(block, "consumer-privacy")).toBe("Private");
    expect(testId(block, "consumer-callback-url")).toBe("http://localhost:3000/api/oauth/bitbucket/callback");
    for (const label of ["Account: Read", "Repositories: Read", "Repositories: Write", "Pull requests: Read", "Pull requests: Write", "Webhooks: Read and write"]) {
      expect(block).toContain(label);
    }
    const stored = (await (await emu.control("GET", `/consumers/${key}`)).json()) as ConsumerJson;
    expect(stored.secret).toBe(secret);
    expect(stored.scopes).toEqual(["account", "repository", "repository:write", "pullrequest", "pullrequest:write", "webhook"]);
    expect(stored.isPrivate).toBe(true);
  });

  it("keeps the entered values and shows field errors when Name is missing", async () => {
    const jar = await adminJar();
    const form = await (await jar.fetch(`${emu.url}${NEW}`)).text();
    const res = await jar.post(`${emu.url}${NEW}`, {
      csrf_token: csrf(form), name: "  ", description: "Kept description", callbackUrl: "http://localhost:3000/cb", scopes: ["repository:admin"],
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<p class="field-error" id="name-error">Name is required.</p>');
    expect(page).toContain('aria-describedby="name-error"');
    expect(page).toContain("Kept description</textarea>");
    expect(page).toContain('value="http://localhost:3000/cb"');
    expect(page).toMatch(/value="repository:admin"[^>]*checked/);
    expect((await (await emu.control("GET", "/consumers")).json()).consumers).toHaveLength(0);
  });

  it("requires a Callback URL", async () => {
    const jar = await adminJar();
    const form = await (await jar.fetch(`${emu.url}${NEW}`)).text();
    const page = await (await jar.post(`${emu.url}${NEW}`, { csrf_token: csrf(form), name: "No callback", callbackUrl: "" })).text();
    expect(page).toContain("Callback URL is required.");
    expect(page).toContain('value="No callback"');
  });

  it("refuses a form post without the CSRF token", async () => {
    const jar = await adminJar();
    const res = await jar.post(`${emu.url}${NEW}`, { name: "x", callbackUrl: "http://localhost:3000/cb" });
    expect(res.status).toBe(403);
  });
});

describe("edit and delete", () => {
  it("edits callback URL, privacy and permissions", async () => {
    const created = await (await emu.control("POST", "/consumers", { workspace: "acme", name: "Editable", callbackUrl: "https://example.com/replace-this-later", scopes: ["account"], isPrivate: false })).json();
    const jar = await adminJar();
    const editUrl = `${emu.url}/acme/workspace/settings/oauth-consumers/${created.key}/edit`;
    const form = await (await jar.fetch(editUrl)).text();
    expect(form).toContain('value="https://example.com/replace-this-later"');
    const res = await jar.post(editUrl, { csrf_token: csrf(form), name: "Editable", callbackUrl: "http://localhost:3000/cb", is_private: "on", scopes: ["account:write", "issue:write"] });
    expect(res.status).toBe(302);
    const stored = await (await emu.control("GET", `/consumers/${created.key}`)).json();
    expect(stored).toMatchObject({ callbackUrl: "http://localhost:3000/cb", isPrivate: true, scopes: ["account", "account:write", "issue", "issue:write"], secret: created.secret });
    const list = await (await jar.fetch(`${emu.url}${LIST}`)).text();
    expect(list).toContain('role="status">Consumer &quot;Editable&quot; was updated.');
  });

  it("deletes a consumer and revokes its tokens", async () => {
    const created = (await (await emu.control("POST", "/consumers", { workspace: "acme", name: "Doomed", callbackUrl: "http://localhost:3000/cb", scopes: ["account"], isPrivate: false })).json()) as ConsumerJson;
    const t = await userTokens(emu, created);
    const jar = await adminJar();
    const list = await (await jar.fetch(`${emu.url}${LIST}`)).text();
    const res = await jar.post(`${emu.url}/acme/workspace/settings/oauth-consumers/${created.key}/delete`, { csrf_token: csrf(list) });
    expect(res.status).toBe(302);
    expect((await emu.control("GET", `/consumers/${created.key}`)).status).toBe(404);
    expect((await api(emu, "/user", t.access_token)).status).toBe(401);
  });

  it("the home page links to the consumer pages of admin workspaces only", async () => {
    const page = await (await (await adminJar()).fetch(`${emu.url}/`)).text();
    expect(page).toContain('href="/acme/workspace/settings/api"');
    expect(page).not.toContain('href="/bigco/workspace/settings/api"');
    expect(page).toContain("Alice Anderson");
  });
});
