import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, userTokens, type TestEmulator } from "@/emulator/test/helpers";
import { requireInstanceOwner } from "@/lib/users/instance-owner";
import { useTestDatabase } from "@/test/use-test-database";
import { fetchLoginProfile } from "./bitbucket-login-provider";
import { createUserClaimingInstance } from "./instance-owner";
import { checkSignIn } from "./sign-in-gate";
import { decideSignIn, readSignInPolicy, saveSignInPolicy, signInPolicyInput, type SignInFacts, type SignInPolicy } from "./sign-in-policy";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const open: SignInPolicy = { workspaces: [], emailDomains: [], source: "environment" };
const facts = (overrides: Partial<SignInFacts>): SignInFacts => ({
  instanceClaimed: true,
  ownerEmail: undefined,
  existing: null,
  email: "dana@acme.example",
  workspaces: null,
  policy: open,
  ...overrides,
});

describe("who may sign in", () => {
  it("with INSTANCE_OWNER_EMAIL, only that email gets into an unclaimed instance; everyone else waits", () => {
    const unclaimed = { instanceClaimed: false, ownerEmail: "owner@acme.example" };
    expect(decideSignIn(facts({ ...unclaimed, email: "Owner@Acme.example" }))).toEqual({ allowed: true });
    expect(decideSignIn(facts({ ...unclaimed, email: "dana@acme.example" }))).toEqual({ allowed: false, reason: "awaiting_owner" });
    expect(decideSignIn(facts({ ...unclaimed, email: null }))).toEqual({ allowed: false, reason: "awaiting_owner" });
    // Once claimed, the variable no longer holds anyone back.
    expect(decideSignIn(facts({ ownerEmail: "owner@acme.example" }))).toEqual({ allowed: true });
  });

  it("admits by email domain or by workspace, refuses the rest, and never refuses the instance owner", () => {
    const policy: SignInPolicy = { workspaces: ["acme"], emailDomains: ["example.com"], source: "settings" };
    expect(decideSignIn(facts({ policy, email: "eve@example.com" }))).toEqual({ allowed: true });
    expect(decideSignIn(facts({ policy, email: "eve@evil-example.com", workspaces: ["acme"] }))).toEqual({ allowed: true });
    expect(decideSignIn(facts({ policy, email: "eve@sub.example.com", workspaces: ["other"] }))).toEqual({ allowed: false, reason: "not_allowed" });
    expect(decideSignIn(facts({ policy, email: null, workspaces: null }))).toEqual({ allowed: false, reason: "not_allowed" });
    expect(decideSignIn(facts({ policy, email: null, existing: { isInstanceOwner: true, blocked: false } }))).toEqual({ allowed: true });
  });

  it("refuses a blocked person whatever the policy says", () => {
    expect(decideSignIn(facts({ existing: { isInstanceOwner: false, blocked: true } }))).toEqual({ allowed: false, reason: "blocked" });
  });

  it("reads workspace membership from Bitbucket's /2.0/user/workspaces at every sign-in, with names and admin rights", async () => {
    const consumer = await makeConsumer(emulator, { scopes: ["account", "email"], callbackUrl: "http://localhost:3999/cb" });
    const alice = await userTokens(emulator, consumer, "alice");
    const carol = await userTokens(emulator, consumer, "carol");
    const bySlug = (profile: { workspaces: { slug: string }[] | null }) => profile.workspaces?.toSorted((a, b) => a.slug.localeCompare(b.slug));
    expect(bySlug(await fetchLoginProfile(emulator.apiUrl, alice.access_token))).toEqual([
      { slug: "acme", name: "Acme Inc", administrator: true },
      { slug: "bigco", name: "BigCo Holdings", administrator: false },
    ]);
    expect((await fetchLoginProfile(emulator.apiUrl, carol.access_token)).workspaces).toEqual([{ slug: "carol-labs", name: expect.any(String), administrator: true }]);
  });

  it("checks a real sign-in against the saved policy, which replaces the environment's", async () => {
    const owner = await createUserClaimingInstance(database.db, { name: "Olga", email: "olga@acme.example", emailVerified: null, image: null });
    expect(owner.role).toBe("owner");
    const actor = await requireInstanceOwner(owner);
    expect((await readSignInPolicy()).source).toBe("environment");

    await saveSignInPolicy(actor, signInPolicyInput.parse({ workspaces: "carol-labs", emailDomains: "" }));

    const identity = (id: string) => ({ provider: "bitbucket", providerAccountId: id });
    const profile = (email: string, slugs: string[]) => ({ uuid: "{x}", email, workspaces: slugs.map((slug) => ({ slug, name: slug, administrator: null })) }) as never;
    expect(await checkSignIn(database.db, identity("a"), profile("carol@carol-labs.example", ["carol-labs"]), undefined)).toEqual({ allowed: true });
    expect(await checkSignIn(database.db, identity("b"), profile("bob@acme.example", ["acme"]), undefined)).toEqual({ allowed: false, reason: "not_allowed" });
    const events = await database.db.instanceAuditEvent.findMany({ where: { action: "sign_in_policy.updated" } });
    expect(JSON.parse(events[0]!.after!)).toEqual({ workspaces: ["carol-labs"], emailDomains: [] });
  });

  it("names the bad entry when a policy does not parse", () => {
    const result = signInPolicyInput.safeParse({ workspaces: "acme, Not A Slug!", emailDomains: "@example.com, nope" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["workspaces", expect.stringContaining("“slug!”")],
      ["emailDomains", expect.stringContaining("“nope”")],
    ]);
  });
});

describe("claiming the instance with INSTANCE_OWNER_EMAIL", () => {
  it("a first sign-in by anyone else does not claim it; the named owner does", async () => {
    await database.db.instance.deleteMany();
    const other = await createUserClaimingInstance(database.db, { name: "Mallory", email: "mallory@acme.example", emailVerified: null, image: null }, { ownerEmail: "boss@acme.example" });
    expect(other.role).toBe("member");
    expect(await database.db.instance.count()).toBe(0);
    const boss = await createUserClaimingInstance(database.db, { name: "Boss", email: "boss@acme.example", emailVerified: null, image: null }, { ownerEmail: "boss@acme.example" });
    expect(boss.role).toBe("owner");
  });
});
