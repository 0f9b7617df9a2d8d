import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, userTokens, type TestEmulator } from "@/emulator/test/helpers";
import { AppError } from "@/lib/errors/app-error";
import { getAllPages } from "./api-client";
import { bitbucketEmailSchema } from "./schemas";
import { getCurrentUser, listEmails, primaryConfirmedEmail } from "./user";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

async function tokenFor(scopes: string[], username = "alice") {
  const consumer = await makeConsumer(emulator, { scopes, callbackUrl: "http://localhost:3999/cb" });
  return { consumer, token: (await userTokens(emulator, consumer, username)).access_token };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Bitbucket user and emails", () => {
  it("reads the user and picks the primary confirmed email among several", async () => {
    const { token } = await tokenFor(["account", "email"]);
    const user = await getCurrentUser(emulator.apiUrl, token);
    const emails = await listEmails(emulator.apiUrl, token);

    expect(user.display_name).toBe("Alice Anderson");
    expect(user.uuid).toMatch(/^\{[0-9a-f-]{36}\}$/);
    expect(emails.map((e) => e.email).sort()).toEqual(
      ["alice.anderson@mail.example", "alice@acme.example", "alice@old-acme.example"].sort(),
    );
    expect(primaryConfirmedEmail(emails)).toBe("alice@acme.example");
  });

  it("does not trust a primary address that is not confirmed", () => {
    expect(
      primaryConfirmedEmail([
        { email: "new@example.test", is_primary: true, is_confirmed: false },
        { email: "old@example.test", is_primary: false, is_confirmed: true },
      ]),
    ).toBeNull();
  });

  it("names the missing permission when the consumer lacks Account: Email", async () => {
    const { token } = await tokenFor(["account"]);
    expect((await rejection(listEmails(emulator.apiUrl, token))).code).toBe("bitbucket_missing_scope");
  });

  it("reports an expired token as rejected, without the token in the message", async () => {
    const { consumer, token } = await tokenFor(["account"]);
    await emulator.control("POST", "/tokens/expire", { consumerKey: consumer.key });
    const error = await rejection(getCurrentUser(emulator.apiUrl, token));
    expect(error.code).toBe("bitbucket_token_rejected");
    expect(`${error.message} ${error.hint}`).not.toContain(token);
  });

  it("reports a host that is not listening as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect((await rejection(getCurrentUser(`http://127.0.0.1:${port}/2.0`, "t"))).code).toBe("host_unreachable");
  });
});

describe("getAllPages", () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    // Page 1 points `next` at another origin, as a compromised or misconfigured host might.
    server = createServer((request, response) => {
      seen.push(`${request.url} ${request.headers.authorization}`);
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          values: [{ email: "a@example.test", is_primary: true, is_confirmed: true }],
          next: "http://127.0.0.2:1/2.0/user/emails?page=2",
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("refuses to follow a paging link to another host, so the token stays home", async () => {
    const error = await rejection(getAllPages(`${base}/2.0/user/emails`, "secret-token", bitbucketEmailSchema, 5));
    expect(error.code).toBe("bitbucket_unexpected_response");
    expect(seen).toEqual(["/2.0/user/emails Bearer secret-token"]);
  });
});
