import { Auth } from "@auth/core";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/use-test-database";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "./config";

const database = useTestDatabase();

async function sessionWithExpiry(expires: Date) {
  const user = await database.db.user.create({ data: { email: `s-${Date.now()}-${Math.random()}@example.test` } });
  const sessionToken = `token-${user.id}`;
  await database.db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return sessionToken;
}

/** What `auth()` does on every signed-in request: Auth.js's session lookup. */
async function lookUp(sessionToken: string) {
  const request = new Request("http://localhost:3999/api/auth/session", { headers: { cookie: `authjs.session-token=${sessionToken}` } });
  const response = await Auth(request, { ...authConfig(), basePath: "/api/auth", trustHost: true });
  return (await response.json()) as { user?: { id: string } } | null;
}

const expiresOf = async (sessionToken: string) => (await database.db.session.findUniqueOrThrow({ where: { sessionToken } })).expires.getTime();

describe("session lookups", () => {
  it("do not write: a session's expiry stays put across many requests", async () => {
    // Created (or last extended) an hour ago.
    const token = await sessionWithExpiry(new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 3_600_000));
    const before = await expiresOf(token);
    for (let i = 0; i < 5; i++) expect((await lookUp(token))?.user?.id).toEqual(expect.any(String));
    expect(await expiresOf(token)).toBe(before);
  });

  it("still extend a session at most once a day, so active people stay signed in", async () => {
    const token = await sessionWithExpiry(new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 2 * 86_400_000));
    const before = await expiresOf(token);
    await lookUp(token);
    const extended = await expiresOf(token);
    expect(extended).toBeGreaterThan(before + 86_400_000);
    await lookUp(token);
    expect(await expiresOf(token)).toBe(extended);
  });
});
