import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingMessage["headers"]; body: Buffer; receivedAt: number };

/**
 * A subscriber's service: records every request with its raw body and answers with what
 * `answer` returns (a status), or never, when it returns "hang".
 */
export async function startSubscriber(answer: (request: ReceivedRequest, index: number) => number | "hang" | Promise<number> = () => 204, port = 0) {
  const requests: ReceivedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks), receivedAt: Date.now() };
      requests.push(request);
      const status = answer(request, requests.length - 1);
      if (status === "hang") hanging.push(res);
      else void Promise.resolve(status).then((code) => res.writeHead(code).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/hooks`,
    requests,
    hanging,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL nothing listens on: connections are refused at once. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hooks`;
}
