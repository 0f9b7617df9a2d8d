// Turns a queued fault into a delay, a dropped socket or an injected error reply.
import { STATUS_CODES } from "node:http";
import type { Ctx } from "./context.js";
import { sleep, type FaultTarget } from "./faults.js";
import { htmlReply, json, text, type Reply } from "./http.js";
import { errorPage } from "./pages/error.js";

function defaultBody(target: FaultTarget, status: number): Reply {
  const reason = STATUS_CODES[status] ?? "Error";
  if (target === "api") {
    const message = status === 429 ? "Rate limit for this resource has been exceeded" : reason;
    return json(status, { type: "error", error: { message } });
  }
  if (target === "token") {
    return json(status, { error: status === 429 ? "rate_limited" : "server_error", error_description: reason });
  }
  return htmlReply(status, errorPage({ title: reason, message: `Bitbucket could not handle this request (HTTP ${status}).` }));
}

/** null means: no fault (or only a delay), carry on with the real handler. */
export async function applyFault(ctx: Ctx, target: FaultTarget): Promise<Reply | null> {
  const fault = ctx.core.faults.take(target);
  if (!fault) return null;
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.drop) return { kind: "drop" };
  if (fault.status === undefined) return null;
  let reply: Reply;
  if (fault.body === undefined) reply = defaultBody(target, fault.status);
  else if (typeof fault.body === "string") reply = text(fault.status, fault.body);
  else reply = json(fault.status, fault.body);
  if (fault.retryAfter !== undefined && reply.kind === "send") {
    reply.headers["retry-after"] = String(fault.retryAfter);
  }
  return reply;
}
