// One webhook POST with node:http(s): no redirects, no keep-alive, a hard time limit.
import { request as httpRequest, type ClientRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface SendResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

export function post(url: string, headers: Record<string, string>, body: Buffer, timeoutMs: number, signal: AbortSignal): Promise<SendResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let req: ClientRequest | undefined;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      resolve({ status, error, durationMs: Math.round(performance.now() - started) });
    };
    const onAbort = () => {
      finish(null, "cancelled");
      req?.destroy();
    };
    if (signal.aborted) return onAbort();
    try {
      const u = new URL(url);
      const send = u.protocol === "https:" ? httpsRequest : httpRequest;
      req = send(u, { method: "POST", agent: false, headers: { ...headers, "Content-Length": String(body.length) } });
    } catch (e) {
      return finish(null, (e as Error).message);
    }
    const timer = setTimeout(() => {
      finish(null, `no response within ${timeoutMs} ms`);
      req?.destroy();
    }, timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("close", () => clearTimeout(timer));
    req.on("response", (res) => {
      res.resume();
      finish(res.statusCode ?? null, null);
    });
    req.on("error", (e) => finish(null, e.message || (e as NodeJS.ErrnoException).code || "request failed"));
    req.end(body);
  });
}
