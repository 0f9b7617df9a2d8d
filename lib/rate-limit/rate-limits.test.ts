import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import * as collectionRoute from "@/app/api/v1/organizations/[org]/vcs/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";

// Low ceilings so the tests reach them; each test uses its own key (token, client address).
vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "5");
vi.stubEnv("SIGN_IN_RATE_LIMIT_PER_MINUTE", "3");
vi.stubEnv("CONNECT_RATE_LIMIT_PER_MINUTE", "3");
vi.stubEnv("API_MAX_BODY_BYTES", "2048");

vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, currentSessionToken: async () => null }));
// Auth.js itself is not under test here: its handlers answer like a redirect to Bitbucket.
vi.mock("@/lib/auth", () => ({ handlers: { GET: async () => new Response(null, { status: 302 }), POST: async () => new Response(null, { status: 302 }) } }));
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const connectRoute = await import("@/app/(dashboard)/orgs/[org]/connections/[id]/connect/route");
const callbackRoute = await import("@/app/callback/v1/vcs/[id]/route");

const database = useTestDatabase();

const apiGet = (org: string, token: string) =>
  collectionRoute.GET(new Request(`http://localhost:3999/api/v1/organizations/${org}/vcs`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ org }) });

describe("rate limits", () => {
  it("the VCS API counts per token: 429 with Retry-After past the ceiling, another token unaffected", async () => {
    const owner = await orgMember(database.db, "owner");
    const busy = (await createApiToken(owner.access, { name: "busy" })).token;
    const calm = (await createApiToken(owner.access, { name: "calm" })).token;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await apiGet(owner.organization.slug, busy)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await apiGet(owner.organization.slug, busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect((await apiGet(owner.organization.slug, calm)).status).toBe(200);
  });

  it("sign-in counts per client address", async () => {
    const from = (address: string) =>
      authRoute.GET(new NextRequest("http://localhost:3999/api/auth/callback/bitbucket?code=c&state=s", { headers: { "x-forwarded-for": address } }));
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.7")).status).not.toBe(429);
    const refused = await from("203.0.113.7");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(await refused.text()).toContain("Too many requests");
    expect((await from("203.0.113.8")).status).not.toBe(429);
  });

  it("Connect and its callback count per client address", async () => {
    const headers = { "x-forwarded-for": "198.51.100.4", "sec-fetch-site": "same-origin" };
    const context = { params: Promise.resolve({ org: "acme", id: "c1" }) };
    expect((await connectRoute.GET(new NextRequest("http://localhost:3999/orgs/acme/connections/c1/connect", { headers }), context)).status).toBe(303);
    expect((await connectRoute.GET(new NextRequest("http://localhost:3999/orgs/acme/connections/c1/connect", { headers }), context)).status).toBe(303);
    expect((await callbackRoute.GET(new NextRequest("http://localhost:3999/callback/v1/vcs/c1?state=x&code=y", { headers }), { params: Promise.resolve({ id: "c1" }) })).status).toBe(400);
    const refused = await callbackRoute.GET(new NextRequest("http://localhost:3999/callback/v1/vcs/c1?state=x&code=y", { headers }), { params: Promise.resolve({ id: "c1" }) });
    expect(refused.status).toBe(429);
  });
});

describe("VCS API bodies", () => {
  it("are capped: a larger JSON body gets 413 before it is parsed", async () => {
    const owner = await orgMember(database.db, "owner");
    const token = (await createApiToken(owner.access, { name: "big", scopes: ["connections:write"] })).token;
    const body = JSON.stringify({ name: "x".repeat(4096), vcsType: "BITBUCKET" });
    const response = await collectionRoute.POST(
      new Request(`http://localhost:3999/api/v1/organizations/${owner.organization.slug}/vcs`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }),
      { params: Promise.resolve({ org: owner.organization.slug }) },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("request_too_large");
  });
});
