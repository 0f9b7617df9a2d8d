// Runs in its own OS process, as `next start` would: serves the webhook receiver route on
// PORT and starts what instrumentation.ts starts (the outbox worker, unless OUTBOX_WORKER=false).
import { createServer } from "node:http";
import { POST } from "../../app/api/webhooks/bitbucket/[hookId]/route";
import { register } from "../../instrumentation";

process.env.NEXT_RUNTIME = "nodejs";
await register();

const server = createServer((req, res) => {
  const match = /^\/api\/webhooks\/bitbucket\/([^/]+)$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://localhost${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    const response = await POST(request, { params: Promise.resolve({ hookId: decodeURIComponent(match[1]!) }) });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
