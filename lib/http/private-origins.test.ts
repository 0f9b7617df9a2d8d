import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { outboundFetch } from "./outbound";
import { isAllowedPrivateOrigin } from "./private-origins";
import { validateServiceUrl } from "./service-url";

// Two loopback servers; the operator allows only the first one's origin, as the sandbox does.
const servers: Server[] = [];
const origins: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const server = createServer((_request, response) => response.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  // Read by env() on first use in this file.
  vi.stubEnv("ALLOWED_PRIVATE_ORIGINS", origins[0]!);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("ALLOWED_PRIVATE_ORIGINS", () => {
  it("lets the server call an allowed private origin and no other private address", async () => {
    const [allowed, other] = origins as [string, string];
    expect(await (await outboundFetch(`${allowed}/2.0/user`)).text()).toBe("ok");
    expect((await failure(outboundFetch(`${other}/`))).code).toBe("url_not_allowed");
    expect((await failure(outboundFetch(`http://localhost:${new URL(allowed).port}/`))).code).toBe("url_not_allowed");
    expect((await failure(outboundFetch("http://169.254.169.254/latest/meta-data"))).code).toBe("url_not_allowed");
  });

  it("accepts http:// only for an allowed origin in the URLs people enter", async () => {
    const [allowed, other] = origins as [string, string];
    expect(validateServiceUrl(`${allowed}/2.0`, "apiUrl")).toBe(`${allowed}/2.0`);
    const refused = await failure(Promise.resolve().then(() => validateServiceUrl(`${other}/2.0`, "apiUrl")));
    // Where some origins are allowed, the message says so (and that this one is not among them).
    expect(refused).toMatchObject({ code: "url_invalid_http_allowed" });
    expect(validateServiceUrl("https://api.bitbucket.org/2.0", "apiUrl")).toBe("https://api.bitbucket.org/2.0");
  });

  it("matches an origin exactly, or any port of a host listed with :*", () => {
    expect(isAllowedPrivateOrigin(new URL("http://127.0.0.1:4100/x"), ["http://127.0.0.1:4100"])).toBe(true);
    expect(isAllowedPrivateOrigin(new URL("https://127.0.0.1:4100/x"), ["http://127.0.0.1:4100"])).toBe(false);
    expect(isAllowedPrivateOrigin(new URL("http://127.0.0.1:4101/x"), ["http://127.0.0.1:4100"])).toBe(false);
    expect(isAllowedPrivateOrigin(new URL("http://127.0.0.1:5000/x"), ["http://127.0.0.1:*"])).toBe(true);
    expect(isAllowedPrivateOrigin(new URL("http://10.0.0.1:5000/x"), ["http://127.0.0.1:*"])).toBe(false);
  });
});
