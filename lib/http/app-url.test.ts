import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { consentCancelledRedirect } from "@/lib/auth/consent-cancelled";
import { createConnection } from "@/lib/connections/create-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";

// Redirects built from a request's Host header would send people (and their next click) to
// whatever host a proxy or an attacker put there. Every redirect starts at APP_URL.
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string | null; email: string | null; image: null; role: "member" } }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, currentSessionToken: async () => (session.user ? "session-token" : null) }));

const { proxy } = await import("@/proxy");
const connectRoute = await import("@/app/(dashboard)/orgs/[org]/connections/[id]/connect/route");

const database = useTestDatabase();
const APP = process.env.APP_URL!;
const FOREIGN = "http://evil.example:8080";
const foreign = (path: string, headers: Record<string, string> = {}) => new NextRequest(`${FOREIGN}${path}`, { headers: { host: "evil.example:8080", ...headers } });

describe("redirects", () => {
  it("from the sign-in gate go to APP_URL", () => {
    const location = proxy(foreign("/orgs/acme/connections?x=1")).headers.get("location")!;
    expect(location.startsWith(`${APP}/signin?`)).toBe(true);
    expect(new URL(location).searchParams.get("callbackUrl")).toBe("/orgs/acme/connections?x=1");
  });

  it("after a cancelled sign-in go to APP_URL", () => {
    const response = consentCancelledRedirect(new Request(`${FOREIGN}/api/auth/callback/bitbucket?error=access_denied`))!;
    expect(response.headers.get("location")).toBe(`${APP}/signin?error=ConsentCancelled`);
  });

  it("after a cancelled sign-in keep the page asked for, only if it is on this app", () => {
    const cancel = (cookie: string) =>
      consentCancelledRedirect(new Request(`${FOREIGN}/api/auth/callback/bitbucket?error=access_denied`, { headers: { cookie } }))!.headers.get("location");
    const asked = encodeURIComponent(`${APP}/settings/authentication?tab=1`);
    expect(cancel(`other=1; authjs.callback-url=${asked}`)).toBe(`${APP}/signin?error=ConsentCancelled&callbackUrl=%2Fsettings%2Fauthentication%3Ftab%3D1`);
    expect(cancel(`authjs.callback-url=${encodeURIComponent("http://evil.example/steal")}`)).toBe(`${APP}/signin?error=ConsentCancelled`);
    expect(cancel(`authjs.callback-url=${encodeURIComponent("//evil.example")}`)).toBe(`${APP}/signin?error=ConsentCancelled`);
  });

  it("from Connect go to APP_URL, signed in or not", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Draft", profile: "repository_sync" });
    const path = `/orgs/${admin.organization.slug}/connections/${draft.id}/connect`;
    const context = { params: Promise.resolve({ org: admin.organization.slug, id: draft.id }) };

    session.user = null;
    const signIn = await connectRoute.GET(foreign(path, { "sec-fetch-site": "same-origin" }), context);
    expect(signIn.headers.get("location")!.startsWith(`${APP}/signin?`)).toBe(true);

    session.user = { id: admin.user.id, name: admin.user.name, email: admin.user.email, image: null, role: "member" };
    const refused = await connectRoute.GET(foreign(path, { "sec-fetch-site": "same-origin" }), context);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`${APP}/orgs/${admin.organization.slug}/connections/${draft.id}?result=invalid_state_change`);
  });
});

describe("the cross-site Connect confirmation", () => {
  it("names the connection and the hosts that will hold its tokens", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Release bot", profile: "repository_sync" });
    const path = `/orgs/${admin.organization.slug}/connections/${draft.id}/connect`;
    session.user = { id: admin.user.id, name: admin.user.name, email: admin.user.email, image: null, role: "member" };
    const page = await connectRoute.GET(foreign(path, { "sec-fetch-site": "cross-site" }), { params: Promise.resolve({ org: admin.organization.slug, id: draft.id }) });
    const html = await page.text();
    expect(html).toContain("Release bot");
    expect(html).toContain("Tokens are issued by bitbucket.org and sent only to api.bitbucket.org.");
  });
});
