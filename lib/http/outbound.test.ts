import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { isPrivateAddress } from "./address-policy";
import { env } from "@/lib/env";
import { outboundFetch } from "./outbound";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/slow") return void setTimeout(() => response.end("late"), 1_000);
    if (request.url === "/large") return void response.end("x".repeat(4096));
    if (request.url === "/large-chunked") {
      response.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 8; i++) response.write("y".repeat(1024));
      return void response.end();
    }
    if (request.url === "/redirect") {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
      return void response.end();
    }
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"])(
    "refuses %s",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["18.205.93.2", "104.192.141.1", "172.32.0.1", "2406:da00:ff00::22c3:9b0a", "::ffff:8.8.8.8"])("allows %s", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("isPrivateAddress: IPv6 transition ranges", () => {
  // NAT64, 6to4, Teredo, IPv4-compatible and site-local addresses can carry a private IPv4
  // address (or route somewhere nobody chose); none is where Bitbucket lives.
  it.each([
    "64:ff9b::7f00:1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b::808:808",
    "64:ff9b:1::a00:1",
    "2002:7f00:1::1",
    "2002:a9fe:a9fe::",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "::7f00:1",
    "::a00:1",
    "fec0::1",
    "feff::1",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it("refuses them as URL literals too", async () => {
    for (const host of ["[64:ff9b::7f00:1]", "[2002:7f00:1::1]", "[::127.0.0.1]"]) {
      expect((await failure(outboundFetch(`http://${host}:9/`, { allowPrivateNetwork: false }))).code).toBe("url_not_allowed");
    }
  });
});

describe("outboundFetch", () => {
  it("refuses a loopback host unless private networks are allowed", async () => {
    expect((await failure(outboundFetch(`${base}/`, { allowPrivateNetwork: false }))).code).toBe("url_not_allowed");
    expect((await failure(outboundFetch(`http://localhost:${new URL(base).port}/`, { allowPrivateNetwork: false }))).code).toBe(
      "url_not_allowed",
    );
    expect(await (await outboundFetch(`${base}/`, { allowPrivateNetwork: true })).text()).toBe("ok");
  });

  it("gives up after its timeout and says which host was slow", async () => {
    const error = await failure(outboundFetch(`${base}/slow`, { timeoutMs: 200 }));
    expect(error.code).toBe("host_timeout");
    expect(error.message).toContain(new URL(base).host);
  });

  it("does not follow redirects", async () => {
    const response = await outboundFetch(`${base}/redirect`);
    expect(response.status).toBe(302);
  });

  it("caps a response body and names the host", async () => {
    const declared = await failure(outboundFetch(`${base}/large`, { maxResponseBytes: 1024 }));
    expect(declared.code).toBe("response_too_large");
    expect(declared.message).toContain(new URL(base).host);
    const streamed = await failure(outboundFetch(`${base}/large-chunked`, { maxResponseBytes: 1024 }));
    expect(streamed.code).toBe("response_too_large");
    expect(streamed.message).toContain(new URL(base).host);
    expect(await (await outboundFetch(`${base}/large-chunked`, { maxResponseBytes: 8192 })).text()).toHaveLength(8192);
  });

  it("caps responses at 1 MB unless told otherwise", async () => {
    expect(env().OUTBOUND_MAX_RESPONSE_BYTES).toBe(1024 * 1024);
  });
});
