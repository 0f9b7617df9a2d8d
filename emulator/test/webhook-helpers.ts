// Webhook test plumbing: a local receiver, a consumer with the webhook scope, polling the delivery log.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { makeConsumer, userTokens, type TestEmulator } from "./helpers.js";

export interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the receiver does with the n-th request (1-based): answer with a status, or never answer. */
export type Behaviour = (n: number) => number | "hang";

export interface Receiver {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

export async function startReceiver(behaviour: Behaviour = () => 200): Promise<Receiver> {
  const requests: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const what = behaviour(requests.length);
      if (what === "hang") {
        hanging.push(res);
        return;
      }
      res.writeHead(what, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface Tokens {
  alice: string;
  bob: string;
  carol: string;
}

/** A consumer with the webhook permission, and a token per sandbox user. */
export async function webhookTokens(emu: TestEmulator, scopes = ["account", "repository", "webhook"]): Promise<Tokens> {
  const c = await makeConsumer(emu, { name: `Hooks ${scopes.join(" ")}`, scopes });
  const token = async (u: string) => (await userTokens(emu, c, u)).access_token;
  return { alice: await token("alice"), bob: await token("bob"), carol: await token("carol") };
}

export function apiCall(emu: TestEmulator, method: string, path: string, token: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${emu.apiUrl}${path}`, {
    method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface DeliveryJson {
  requestUuid: string;
  hookUuid: string;
  eventKey: string;
  url: string;
  attempts: { number: number; at: string; status: number | null; error: string | null; durationMs: number }[];
  finished: boolean;
  skipped?: string;
}

/** Polls the delivery log until every delivery (optionally of one hook) is finished. */
export async function settled(emu: TestEmulator, expected: number, hook?: string, timeoutMs = 5000): Promise<DeliveryJson[]> {
  const deadline = Date.now() + timeoutMs;
  const query = hook ? `?hook=${encodeURIComponent(hook)}` : "";
  for (;;) {
    const { deliveries } = (await (await emu.control("GET", `/deliveries${query}`)).json()) as { deliveries: DeliveryJson[] };
    if (deliveries.length >= expected && deliveries.every((d) => d.finished)) return deliveries;
    if (Date.now() > deadline) throw new Error(`deliveries not settled: ${JSON.stringify(deliveries)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
