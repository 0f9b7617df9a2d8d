import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createUserClaimingInstance } from "@/lib/auth/instance-owner";
import type { SignedInUser } from "@/lib/auth/session";
import { sealContext } from "@/lib/connections/load-connection";
import { openSecret, sealSecret } from "@/lib/crypto/keyring";
import { destinationSealContext } from "@/lib/alerts/seal-context";
import { errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import { subscriptionSealContext } from "@/lib/forwarding/seal-context";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";

/*
 * Every VCS API route, every session JSON route and every server action, called with
 * random and malformed bodies, ids, slugs and headers, as an organization's owner, a
 * member, an owner of another organization (outsider) and anonymously. Nothing may answer
 * 500 (or an action's internal_error), nothing may show another organization's records,
 * and no response may contain a secret.
 */

vi.stubEnv("OUTBOUND_TIMEOUT_SECONDS", "0.5");

// No fuzz case may reach a host outside this process: the fixture's connections point at the
// in-process emulator (loopback). Any other host is refused here, as a network failure, and
// remembered; the proxy route must never be the one that tried.
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const outsideCalls: string[] = [];
const realFetch = globalThis.fetch;
vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
  const target = new URL(input instanceof Request ? input.url : input.toString());
  if (!LOOPBACK.has(target.hostname)) {
    outsideCalls.push(target.href);
    return Promise.reject(new TypeError(`fetch failed: the fuzz test refuses ${target.host}`));
  }
  return realFetch(input, init);
});

// The session is whatever the current fuzz case says; outside Next there is no request.
const session: { user: SignedInUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT");
    return session.user;
  },
  currentSessionToken: async () => (session.user ? `session-of-${session.user.id}` : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const database = useTestDatabase();
let emulator: TestEmulator;

type Identity = "owner" | "member" | "outsider" | "anonymous";
type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

async function buildWorld() {
  // The instance owner owns organization A; the outsider owns organization B.
  const instanceOwner = await createUserClaimingInstance(database.db, { name: "Fuzz Owner", email: "fuzz-owner@example.test", emailVerified: null, image: null });
  const a = await connectedConnection(database.db, emulator, { secret: `CANARY-client-secret-A-${"a".repeat(24)}` });
  const b = await connectedConnection(database.db, emulator, { secret: `CANARY-client-secret-B-${"b".repeat(24)}` });
  await database.db.membership.create({ data: { organizationId: a.organization.id, userId: instanceOwner.id, role: "owner" } });
  await database.db.membership.update({ where: { organizationId_userId: { organizationId: b.organization.id, userId: b.user.id } }, data: { role: "owner" } });
  await database.db.vcsConnection.update({ where: { id: a.id }, data: { name: "CONN-A-7f3e" } });
  await database.db.vcsConnection.update({ where: { id: b.id }, data: { name: "CONN-B-9c1d" } });
  // A second connection per organization that only the token and proxy routes address (see
  // `served`): random deletes and credential changes reach the first one, never this one, so
  // those two routes get past their checks to the emulator for the whole run.
  const servedA = await connectedConnection(database.db, emulator, { secret: `CANARY-client-secret-SA-${"c".repeat(24)}` });
  const servedB = await connectedConnection(database.db, emulator, { secret: `CANARY-client-secret-SB-${"d".repeat(24)}` });
  await database.db.vcsConnection.update({ where: { id: servedA.id }, data: { organizationId: a.organization.id, name: "SERVED-A-64c0" } });
  await database.db.vcsConnection.update({ where: { id: servedB.id }, data: { organizationId: b.organization.id, name: "SERVED-B-64c0" } });
  const member = await database.db.user.create({ data: { name: "Fuzz Member", email: "fuzz-member@example.test" } });
  await database.db.membership.create({ data: { organizationId: a.organization.id, userId: member.id, role: "member" } });

  const projects: Record<"A" | "B", string> = { A: "", B: "" };
  for (const [key, org, connection] of [["A", a.organization.id, a.id], ["B", b.organization.id, b.id]] as const) {
    const project = await database.db.project.create({
      data: {
        organizationId: org, connectionId: connection, repositoryUuid: `{repo-${key}}`, fullName: `ws/PROJECT-${key}-51e2`, workspaceSlug: "ws",
        slug: `project-${key}`, name: `PROJECT-${key}-51e2`, isPrivate: true, hookId: `hook-${key}-${Date.now()}`, hookSecretSealed: "", events: "repo:push",
      },
    });
    await database.db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(`CANARY-hook-secret-${key}-${"h".repeat(20)}`, projectSealContext.hookSecret(project.id)) } });
    await database.db.webhookDelivery.create({ data: { projectId: project.id, requestUuid: `uuid-${key}`, eventKey: "repo:push", attempt: 1, signatureOk: true, summary: "{}", payload: `{"marker":"PAYLOAD-${key}-0b7a"}` } });
    projects[key] = project.id;
  }
  // A forwarding subscription per organization, its signing secret sealed as addSubscription seals it.
  const subscriptions: Record<"A" | "B", string> = { A: "", B: "" };
  for (const [key, org] of [["A", a.organization.id], ["B", b.organization.id]] as const) {
    const subscription = await database.db.webhookSubscription.create({
      data: { organizationId: org, projectId: projects[key], targetUrl: `https://hooks.invalid/SUB-${key}-3d9f`, events: "repo:push", secretSealed: "pending" },
    });
    await database.db.webhookSubscription.update({
      where: { id: subscription.id },
      data: { secretSealed: sealSecret(`whsec_CANARY-subscription-${key}-${"s".repeat(20)}`, subscriptionSealContext.secret(subscription.id)) },
    });
    subscriptions[key] = subscription.id;
  }
  const deliveries = await database.db.webhookDelivery.findMany({ select: { id: true } });

  const users = {
    owner: { id: instanceOwner.id, name: "Fuzz Owner", email: instanceOwner.email, image: null, role: "owner" as const },
    member: { id: member.id, name: member.name, email: member.email, image: null, role: "member" as const },
    outsider: { id: b.user.id, name: b.user.name, email: b.user.email, image: null, role: "member" as const },
  };
  const accessA = await import("@/lib/access/resolve-access").then(({ resolveUserAccess }) => ({
    owner: resolveUserAccess(users.owner, a.organization.slug),
    member: resolveUserAccess(users.member, a.organization.slug),
    outsider: resolveUserAccess(users.outsider, b.organization.slug),
  }));
  // The owners' tokens carry every scope, so the write, token and proxy routes are reached past
  // the scope check; the member's has the default (read), and its role refuses write and use.
  const allScopes = ["connections:read", "connections:write", "connections:use"] as const;
  const tokens = {
    owner: (await createApiToken(await accessA.owner, { name: "fuzz-owner", scopes: [...allScopes] })).token,
    member: (await createApiToken(await accessA.member, { name: "fuzz-member" })).token,
    outsider: (await createApiToken(await accessA.outsider, { name: "fuzz-outsider", scopes: [...allScopes] })).token,
  };
  return {
    users,
    tokens,
    orgs: { A: a.organization, B: b.organization },
    // What only members of each organization may see.
    connections: { A: a.id, B: b.id },
    served: { A: servedA.id, B: servedB.id },
    projects,
    markers: {
      A: [a.id, "CONN-A-7f3e", projects.A, "PROJECT-A-51e2", "PAYLOAD-A-0b7a", a.organization.name, subscriptions.A, "SUB-A-3d9f", servedA.id, "SERVED-A-64c0"],
      B: [b.id, "CONN-B-9c1d", projects.B, "PROJECT-B-51e2", "PAYLOAD-B-0b7a", b.organization.name, subscriptions.B, "SUB-B-3d9f", servedB.id, "SERVED-B-64c0"],
    },
    ids: [a.id, b.id, projects.A, projects.B, instanceOwner.id, member.id, b.user.id, subscriptions.A, subscriptions.B, ...deliveries.map((d) => d.id)],
  };
}

beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

// ---- inputs ----------------------------------------------------------------------------

const headerValue = fc.string({ maxLength: 40 }).map((value) => value.replace(/[^\x20-\x7e]/g, ""));
// Mostly real slugs and ids (crossing organizations needs them), sometimes anything.
const slug = () =>
  fc.oneof(
    { arbitrary: fc.constantFrom(world.orgs.A.slug, world.orgs.B.slug), weight: 6 },
    { arbitrary: fc.constantFrom("", "..", "%2e%2e", "a".repeat(300), world.orgs.A.slug.toUpperCase()), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  );
// A server action's arguments come from the client as any serializable value.
const actionArgument = (strings: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: strings, weight: 8 }, { arbitrary: fc.anything({ maxDepth: 1 }), weight: 1 }) as fc.Arbitrary<string>;
const id = () =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...world.ids), weight: 6 },
    // Connection ids more often: the token and proxy routes only go past their checks with one.
    { arbitrary: fc.constantFrom(world.connections.A, world.connections.B), weight: 3 },
    { arbitrary: fc.constantFrom("", "0", "null", "../x", "%00"), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  );
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60 }),
  fc.constant(""),
  fc.record(
    {
      name: fc.string({ maxLength: 90 }),
      vcsType: fc.constantFrom("BITBUCKET", "GITHUB", "bitbucket", ""),
      clientId: fc.string({ maxLength: 40 }),
      clientSecret: fc.string({ maxLength: 40 }),
      hostUrl: fc.constantFrom("http://127.0.0.1:1", "https://bitbucket.org", "javascript:alert(1)", "http://[::1]:1", "ftp://x"),
      removeProjects: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ).map((value) => JSON.stringify(value)),
);
const actionInput = () => fc.oneof(
  fc.anything({ maxDepth: 2 }),
  // A well-formed alert destination, so adding one (a signed-JSON one shows its secret once) is reached too.
  fc.record({
    kind: fc.constantFrom("webhook", "email", "sms"),
    format: fc.constantFrom("slack", "teams", "json", "xml"),
    url: fc.constantFrom("https://hooks.invalid/alerts", "http://127.0.0.1:1/x", "javascript:alert(1)", ""),
    email: fc.constantFrom("ops@example.test", "not an address"),
  }),
  // A well-formed subscription, so adding one (and its once-shown secret) is reached too.
  fc.record({
    projectId: fc.constantFrom(world.projects.A, world.projects.B),
    scope: fc.constantFrom("project", "organization"),
    targetUrl: fc.constant("https://hooks.invalid/fuzz"),
    events: fc.constant(["repo:push"]),
  }),
  fc.record(
    {
      userId: id(),
      projectId: id(),
      id: id(),
      email: fc.oneof(fc.emailAddress(), fc.constant("fuzz-member@example.test"), fc.string({ maxLength: 20 })),
      role: fc.constantFrom("owner", "admin", "member", "root", ""),
      name: fc.string({ maxLength: 90 }),
      slug: fc.string({ maxLength: 45 }),
      profile: fc.constantFrom("repository_sync", "nope"),
      enabled: fc.anything({ maxDepth: 0 }),
      change: fc.constantFrom("block", "unblock", "make_instance_owner", "delete"),
      workspaces: fc.string({ maxLength: 40 }),
      emailDomains: fc.string({ maxLength: 40 }),
      clientId: fc.string({ maxLength: 30 }),
      clientSecret: fc.string({ maxLength: 30 }),
      hostUrl: fc.constantFrom("http://127.0.0.1:1", "not a url", "https://bitbucket.org"),
      apiUrl: fc.constantFrom("http://127.0.0.1:1/2.0", "", "https://api.bitbucket.org/2.0"),
      connectionId: id(),
      subscriptionId: id(),
      deliveryId: id(),
      scope: fc.constantFrom("project", "organization", "all"),
      // hooks.invalid never resolves, and the outbox worker does not run in tests.
      targetUrl: fc.constantFrom("https://hooks.invalid/fuzz", "http://127.0.0.1:1/x", "javascript:alert(1)", "https://u:p@hooks.invalid/", "", "x".repeat(2001)),
      events: fc.array(fc.constantFrom("repo:push", "pullrequest:created", "nope", ""), { maxLength: 3 }),
      days: fc.oneof(fc.constantFrom(0, 1, 14, 90, 91, -3, Number.NaN), fc.string({ maxLength: 4 })),
      seconds: fc.oneof(fc.constantFrom(0, -1, 60, 300, 900, 3600, 1e12, Number.NaN), fc.string({ maxLength: 6 })),
      credentialType: fc.constantFrom("oauth_consumer", "access_token", "api_token", "basic"),
      token: fc.string({ maxLength: 30 }),
      resourceKind: fc.constantFrom("repository", "project", "workspace", "team"),
      workspace: fc.constantFrom("ws", "", "../x"),
      expiresInDays: fc.constantFrom(90, 180, 365, 7, "never"),
      expiresOn: fc.constantFrom("2030-01-01", "not-a-date", ""),
      repositories: fc.array(fc.record({ workspace: fc.string({ maxLength: 10 }), slug: fc.string({ maxLength: 10 }) }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
);

// ---- entry points ----------------------------------------------------------------------

type Call = {
  identity: Identity;
  slug: string;
  id: string;
  other: string;
  actionSlug: string;
  actionId: string;
  body: string;
  input: unknown;
  headers: [string, string][];
  query: string;
  path: string[];
  /** The token and proxy routes: the caller's own organization and its served connection, not c.slug and c.id. */
  own: boolean;
};
type Outcome = { kind: "http"; status: number; text: string } | { kind: "action"; text: string; internal: boolean };

function bearer(call: Call): Headers {
  const headers = new Headers();
  for (const [name, value] of call.headers) headers.set(name, value);
  if (call.identity !== "anonymous" && !headers.has("authorization")) headers.set("authorization", `Bearer ${world.tokens[call.identity]}`);
  headers.set("content-type", "application/json");
  return headers;
}

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const url = (path: string, query = "") => `http://localhost:3999${path}${query ? `?${query}` : ""}`;
async function http(response: Response): Promise<Outcome> {
  return { kind: "http", status: response.status, text: await response.text() };
}
async function action(result: Promise<{ ok: boolean; error?: { code: string } } & object>): Promise<Outcome> {
  const value = await result;
  return { kind: "action", text: JSON.stringify(value), internal: value.ok === false && value.error?.code === "internal_error" };
}

const api = () => import("@/app/api/v1/organizations/[org]/vcs/route");
const apiItem = () => import("@/app/api/v1/organizations/[org]/vcs/[id]/route");
const apiStatus = () => import("@/app/api/v1/organizations/[org]/vcs/[id]/status/route");
const connectionActions = () => import("@/app/(dashboard)/orgs/[org]/connections/[id]/actions");
const projectActions = () => import("@/app/(dashboard)/orgs/[org]/projects/actions");
const tokenActions = () => import("@/app/(dashboard)/orgs/[org]/settings/tokens/actions");
const memberActions = () => import("@/app/(dashboard)/orgs/[org]/members/actions");
const forwardingActions = () => import("@/app/(dashboard)/orgs/[org]/projects/[id]/_forwarding/actions");
const settingsActions = () => import("@/app/(dashboard)/orgs/[org]/settings/actions");
const draftActions = () => import("@/app/(dashboard)/orgs/[org]/integrations/bitbucket-cloud/new/actions");
const alertActions = () => import("@/app/(dashboard)/orgs/[org]/settings/alerts/actions");
const apiProxy = () => import("@/app/api/v1/organizations/[org]/vcs/[id]/proxy/[...path]/route");
const field = (input: unknown, name: string): unknown => (input && typeof input === "object" && name in input ? (input as Record<string, unknown>)[name] : input);
/** The token and proxy routes address each organization's served connection in place of its first one. */
const served = (id: string) => (id === world.connections.A ? world.served.A : id === world.connections.B ? world.served.B : id);
// Random slugs and ids rarely pair up; some calls use the caller's own pair so the routes answer
// from the emulator (the proxy) and hand out a token, not only 404.
function target(c: Call): { org: string; id: string } {
  const home = c.identity === "owner" || c.identity === "member" ? "A" : "B";
  return c.own ? { org: world.orgs[home].slug, id: world.served[home] } : { org: c.slug, id: served(c.id) };
}
const proxyCall = (method: "GET" | "POST" | "PUT" | "DELETE") => async (c: Call) => {
  const { org, id } = target(c);
  return http(
    await (await apiProxy())[method](
      new Request(url(`/api/v1/organizations/${org}/vcs/${id}/proxy/${c.path.map(encodeURIComponent).join("/")}`, c.query), {
        method,
        headers: bearer(c),
        body: method === "GET" ? undefined : c.body,
      }),
      ctx({ org, id, path: c.path }),
    ),
  );
};

// Not fuzzed: signInWithBitbucket (app/signin/actions.ts) and signOutAction (app/(dashboard)/actions.ts)
// only hand over to Auth.js, which needs a real Next request; they read no organization data.

const entryPoints: Record<string, (call: Call) => Promise<Outcome>> = {
  "GET /api/v1/…/vcs": async (c) => http(await (await api()).GET(new Request(url(`/api/v1/organizations/${c.slug}/vcs`), { headers: bearer(c) }), ctx({ org: c.slug }))),
  "POST /api/v1/…/vcs": async (c) =>
    http(await (await api()).POST(new Request(url(`/api/v1/organizations/${c.slug}/vcs`), { method: "POST", headers: bearer(c), body: c.body }), ctx({ org: c.slug }))),
  "GET /api/v1/…/vcs/{id}": async (c) => http(await (await apiItem()).GET(new Request(url("/api/v1/x"), { headers: bearer(c) }), ctx({ org: c.slug, id: c.id }))),
  "PATCH /api/v1/…/vcs/{id}": async (c) =>
    http(await (await apiItem()).PATCH(new Request(url("/api/v1/x"), { method: "PATCH", headers: bearer(c), body: c.body }), ctx({ org: c.slug, id: c.id }))),
  "DELETE /api/v1/…/vcs/{id}": async (c) =>
    http(await (await apiItem()).DELETE(new Request(url("/api/v1/x", c.query), { method: "DELETE", headers: bearer(c), body: c.body }), ctx({ org: c.slug, id: c.id }))),
  "GET /api/v1/…/vcs/{id}/status": async (c) => http(await (await apiStatus()).GET(new Request(url("/api/v1/x"), { headers: bearer(c) }), ctx({ org: c.slug, id: c.id }))),
  "GET /api/v1/openapi.json": async () => http(await (await import("@/app/api/v1/openapi.json/route")).GET()),
  "GET /api/v1/organizations": async (c) => http(await (await import("@/app/api/v1/organizations/route")).GET(new Request(url("/api/v1/organizations"), { headers: bearer(c) }))),
  "GET /api/v1/…/projects": async (c) =>
    http(await (await import("@/app/api/v1/organizations/[org]/projects/route")).GET(new Request(url("/api/v1/x"), { headers: bearer(c) }), ctx({ org: c.slug }))),
  "GET /api/v1/…/projects/{id}/deliveries": async (c) =>
    http(
      await (await import("@/app/api/v1/organizations/[org]/projects/[id]/deliveries/route")).GET(new Request(url("/api/v1/x", c.query), { headers: bearer(c) }), ctx({ org: c.slug, id: c.id })),
    ),
  "POST /api/v1/…/vcs/{id}/token": async (c) =>
    http(await (await import("@/app/api/v1/organizations/[org]/vcs/[id]/token/route")).POST(new Request(url("/api/v1/x"), { method: "POST", headers: bearer(c), body: c.body }), ctx(target(c)))),
  "GET /api/v1/…/vcs/{id}/proxy/{path}": proxyCall("GET"),
  "POST /api/v1/…/vcs/{id}/proxy/{path}": proxyCall("POST"),
  "PUT /api/v1/…/vcs/{id}/proxy/{path}": proxyCall("PUT"),
  "DELETE /api/v1/…/vcs/{id}/proxy/{path}": proxyCall("DELETE"),
  "GET /api/orgs/{org}/status": async (c) => http(await (await import("@/app/api/orgs/[org]/status/route")).GET(new Request(url("/x")), ctx({ org: c.slug }))),
  "GET /api/orgs/{org}/connections/{id}/health": async (c) =>
    http(await (await import("@/app/api/orgs/[org]/connections/[id]/health/route")).GET(new Request(url("/x")), ctx({ org: c.slug, id: c.id }))),
  "GET /api/orgs/{org}/projects/{id}/deliveries": async (c) =>
    http(await (await import("@/app/api/orgs/[org]/projects/[id]/deliveries/route")).GET(new Request(url("/x", c.query)), ctx({ org: c.slug, id: c.id }))),
  "GET /api/orgs/{org}/projects/{id}/deliveries/{d}/payload": async (c) =>
    http(await (await import("@/app/api/orgs/[org]/projects/[id]/deliveries/[deliveryId]/payload/route")).GET(new Request(url("/x")), ctx({ org: c.slug, id: c.id, deliveryId: c.other }))),
  "GET /api/orgs/{org}/projects/browse": async (c) =>
    http(await (await import("@/app/api/orgs/[org]/projects/browse/route")).GET(new Request(url("/x", c.query)), ctx({ org: c.slug }))),
  saveCredentialsAction: async (c) => action((await connectionActions()).saveCredentialsAction(c.actionSlug, c.actionId, c.input)),
  updateCredentialsAction: async (c) => action((await connectionActions()).updateCredentialsAction(c.actionSlug, c.actionId, c.input)),
  renameConnectionAction: async (c) => action((await connectionActions()).renameConnectionAction(c.actionSlug, c.actionId, c.input)),
  disconnectConnectionAction: async (c) => action((await connectionActions()).disconnectConnectionAction(c.actionSlug, c.actionId)),
  deleteConnectionAction: async (c) => action((await connectionActions()).deleteConnectionAction(c.actionSlug, c.actionId, c.input)),
  testConnectionAction: async (c) => action((await connectionActions()).testConnectionAction(c.actionSlug, c.actionId)),
  replaceTokenAction: async (c) => action((await connectionActions()).replaceTokenAction(c.actionSlug, c.actionId, c.input)),
  addProjectsAction: async (c) => action((await projectActions()).addProjectsAction(c.actionSlug, c.input)),
  removeProjectAction: async (c) => action((await projectActions()).removeProjectAction(c.actionSlug, c.input)),
  retryHookAction: async (c) => action((await projectActions()).retryHookAction(c.actionSlug, c.input)),
  createApiTokenAction: async (c) => action((await tokenActions()).createApiTokenAction(c.actionSlug, c.input)),
  revokeApiTokenAction: async (c) => action((await tokenActions()).revokeApiTokenAction(c.actionSlug, c.input)),
  saveMemberAction: async (c) => action((await memberActions()).saveMemberAction(c.actionSlug, c.input)),
  changeRoleAction: async (c) => action((await memberActions()).changeRoleAction(c.actionSlug, c.input)),
  removeMemberAction: async (c) => action((await memberActions()).removeMemberAction(c.actionSlug, c.input)),
  setPublicStatusAction: async (c) =>
    action((await settingsActions()).setPublicStatusAction(c.actionSlug, c.input as boolean)),
  setCheckIntervalAction: async (c) => action((await settingsActions()).setCheckIntervalAction(c.actionSlug, field(c.input, "seconds") as number)),
  createDraftAction: async (c) => action((await draftActions()).createDraftAction(c.actionSlug, c.input)),
  createTokenConnectionAction: async (c) => action((await draftActions()).createTokenConnectionAction(c.actionSlug, c.input)),
  addSubscriptionAction: async (c) => action((await forwardingActions()).addSubscriptionAction(c.actionSlug, c.input)),
  removeSubscriptionAction: async (c) => action((await forwardingActions()).removeSubscriptionAction(c.actionSlug, c.input)),
  redeliverAction: async (c) => action((await forwardingActions()).redeliverAction(c.actionSlug, c.input)),
  addDestinationAction: async (c) => action((await alertActions()).addDestinationAction(c.actionSlug, c.input)),
  removeDestinationAction: async (c) => action((await alertActions()).removeDestinationAction(c.actionSlug, c.input)),
  sendTestAlertAction: async (c) => action((await alertActions()).sendTestAlertAction(c.actionSlug)),
  setExpiryWarningAction: async (c) => action((await alertActions()).setExpiryWarningAction(c.actionSlug, c.input)),
  createOrganizationAction: async (c) => action((await import("@/app/(dashboard)/dashboard/actions")).createOrganizationAction(c.input)),
  saveSignInPolicyAction: async (c) => action((await import("@/app/(dashboard)/settings/actions")).saveSignInPolicyAction(c.input)),
  changeUserAction: async (c) => action((await import("@/app/(dashboard)/settings/actions")).changeUserAction(c.input)),
};

// ---- invariants --------------------------------------------------------------------------

/** Every secret the database holds right now, opened: none may appear in any response. */
async function secrets(): Promise<string[]> {
  const connections = await database.db.vcsConnection.findMany({ omit: { clientSecretSealed: false }, include: { grant: { omit: { accessTokenSealed: false, refreshTokenSealed: false } } } });
  const projects = await database.db.project.findMany({ omit: { hookSecretSealed: false } });
  const values = [...Object.values(world.tokens)];
  for (const c of connections) {
    if (c.clientSecretSealed) values.push(openSecret(c.clientSecretSealed, sealContext.clientSecret(c.id)));
    if (c.grant) values.push(openSecret(c.grant.accessTokenSealed, sealContext.accessToken(c.id)));
    if (c.grant?.refreshTokenSealed) values.push(openSecret(c.grant.refreshTokenSealed, sealContext.refreshToken(c.id)));
  }
  for (const p of projects) if (p.hookSecretSealed) values.push(openSecret(p.hookSecretSealed, projectSealContext.hookSecret(p.id)));
  const subscriptions = await database.db.webhookSubscription.findMany({ omit: { secretSealed: false } });
  for (const s of subscriptions) if (s.secretSealed !== "pending") values.push(openSecret(s.secretSealed, subscriptionSealContext.secret(s.id)));
  const destinations = await database.db.alertDestination.findMany({ omit: { urlSealed: false, secretSealed: false } });
  for (const d of destinations) {
    if (d.urlSealed) values.push(openSecret(d.urlSealed, destinationSealContext.url(d.id)));
    if (d.secretSealed) values.push(openSecret(d.secretSealed, destinationSealContext.secret(d.id)));
  }
  return values.filter((value) => value.length >= 8);
}

async function orgsOf(identity: Identity): Promise<Set<"A" | "B">> {
  if (identity === "anonymous") return new Set();
  const memberships = await database.db.membership.findMany({ where: { userId: world.users[identity].id }, select: { organizationId: true } });
  const ids = new Set(memberships.map((m) => m.organizationId));
  return new Set((["A", "B"] as const).filter((key) => ids.has(world.orgs[key].id)));
}

/**
 * The secrets a response may carry by design: the token route hands an access token of one of
 * the caller's own organization's connections to a token with connections:use (the owners' fuzz
 * tokens have it), and adding a subscription shows its new signing secret once to the admin who
 * added it. Everything else must hold no secret.
 */
/** A gateway answer (502–504) that names another host's failure with a catalog code. */
function upstreamFailure(text: string): boolean {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === "string" && code in errorCatalog && errorCatalog[code as ErrorCode].status >= 502;
  } catch {
    return false;
  }
}

function handedOut(c: Call & { entry: string }, outcome: Outcome, visible: Set<"A" | "B">): string[] {
  let value: { data?: { accessToken?: unknown; secret?: unknown; signingSecret?: unknown } } & { ok?: boolean };
  try {
    value = JSON.parse(outcome.text);
  } catch {
    return [];
  }
  if (c.entry === "POST /api/v1/…/vcs/{id}/token" && outcome.kind === "http" && outcome.status === 200) {
    const own = (["A", "B"] as const).some((org) => visible.has(org) && world.served[org] === target(c).id);
    expect(own, `the token route gave ${c.identity} a token of ${target(c).id}`).toBe(true);
    return typeof value.data?.accessToken === "string" ? [value.data.accessToken] : [];
  }
  if (c.entry === "addSubscriptionAction" && value.ok === true && typeof value.data?.secret === "string") return [value.data.secret];
  if (c.entry === "addDestinationAction" && value.ok === true && typeof value.data?.signingSecret === "string") return [value.data.signingSecret];
  return [];
}

describe("fuzzing every entry point", () => {
  it("answers no 500, shows nothing of another organization and no secret, whoever calls with whatever", async () => {
    // Built inside the test: the test database is installed for tests, not for beforeAll.
    world = await buildWorld();
    // Each response, with the secrets it may legitimately carry (handed out once, to its caller).
    const responses: { entry: string; text: string; allowed: string[] }[] = [];
    const started = Date.now();
    let runs = 0;
    const call = fc.record({
      entry: fc.constantFrom(...Object.keys(entryPoints)),
      identity: fc.constantFrom<Identity>("owner", "member", "outsider", "anonymous"),
      slug: slug(),
      id: id(),
      other: id(),
      actionSlug: actionArgument(slug()),
      actionId: actionArgument(id()),
      body,
      input: actionInput(),
      query: fc.oneof(fc.constant(""), fc.string({ maxLength: 30 }).map(encodeURIComponent), fc.constantFrom("limit=-1", "limit=1e9", "cursor=%00", "connectionId=x&workspace=..")),
      headers: fc.array(
        fc.tuple(fc.constantFrom("authorization", "cookie", "x-forwarded-host", "origin", "content-type", "x-real-ip"), headerValue).map(
          ([name, value]): [string, string] => [name, name === "authorization" ? `Bearer ${value}` : value],
        ),
        { maxLength: 1 },
      ),
      // The proxied Bitbucket path: real API paths, traversal and scheme tricks, anything.
      own: fc.boolean(),
      path: fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom("repositories", "ws", "user", "workspaces", "2.0", "src", "hooks"), weight: 4 },
          { arbitrary: fc.constantFrom("", ".", "..", "%2e%2e", "a/b", "a\\b", "http:", "https:", "//evil.example", "@evil.example", "evil.example:80", "\u0000"), weight: 2 },
          { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
        ),
        { maxLength: 4 },
      ),
    });

    await fc.assert(
      fc.asyncProperty(call, async (c) => {
        runs += 1;
        const identity = c.identity;
        session.user = identity === "anonymous" ? null : world.users[identity];
        const visible = await orgsOf(identity);
        const outsideBefore = outsideCalls.length;
        const outcome = await entryPoints[c.entry]!(c);
        if (c.entry.includes("/proxy/")) expect(outsideCalls.slice(outsideBefore), `${c.entry} as ${identity} reached outside hosts`).toEqual([]);
        responses.push({ entry: c.entry, text: outcome.text, allowed: handedOut(c, outcome, visible) });
        // A 5xx is allowed only as a named answer about another host (bitbucket.org cannot be
        // reached from the tests: 502 host_unreachable); never an internal error.
        if (outcome.kind === "http") {
          if (outcome.status >= 500) expect(upstreamFailure(outcome.text), `${c.entry} as ${identity}: ${outcome.status} ${outcome.text}`).toBe(true);
        } else expect(outcome.internal, `${c.entry} as ${identity}: ${outcome.text}`).toBe(false);
        for (const org of ["A", "B"] as const) {
          if (visible.has(org)) continue;
          for (const marker of world.markers[org]) expect(outcome.text, `${c.entry} as ${identity} showed ${org}'s ${marker}`).not.toContain(marker);
        }
      }),
      // Bounded: a seed-free budget of cases (~20 per entry point), stopped early after 5 seconds.
      { numRuns: 1000, interruptAfterTimeLimit: 5_000, markInterruptAsFailure: false },
    );

    const known = await secrets();
    expect(known.length).toBeGreaterThan(6);
    // The alert destinations' sealed URLs and signing secrets are among them once one was added.
    console.info(`fuzz: ${await database.db.alertDestination.count()} alert destinations added`);
    for (const { entry, text, allowed } of responses)
      for (const secret of known) if (!allowed.includes(secret)) expect(text.includes(secret), `${entry}: a response contained a secret`).toBe(false);
    // Enough cases ran to mean something, in a bounded time.
    console.info(`fuzz: ${runs} cases in ${Date.now() - started} ms`);
    expect(runs).toBeGreaterThan(50);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
