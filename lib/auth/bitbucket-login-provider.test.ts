import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, userTokens, type TestEmulator } from "@/emulator/test/helpers";
import { fetchLoginProfile, userFieldsFromProfile } from "./bitbucket-login-provider";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

async function profileThrough(scopes: string[], username: string) {
  const consumer = await makeConsumer(emulator, { scopes, callbackUrl: "http://localhost:3999/cb" });
  const { access_token } = await userTokens(emulator, consumer, username);
  return fetchLoginProfile(emulator.apiUrl, access_token);
}

describe("the sign-in profile", () => {
  it("carries name, avatar and the primary confirmed email for a login consumer with Account: Email and Read", async () => {
    const fields = userFieldsFromProfile(await profileThrough(["account", "email"], "bob"));
    expect(fields).toEqual({
      name: "Bob Baker",
      email: "bob@acme.example",
      image: `${emulator.url}/account/bob/avatar.svg`,
    });
  });

  it("still signs in, without an email, when the consumer lacks Account: Email", async () => {
    const profile = await profileThrough(["account"], "carol");
    expect(profile.display_name).toBe("Carol Chen");
    expect(profile.email).toBeNull();
  });
});
