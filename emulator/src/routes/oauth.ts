// GET/POST /site/oauth2/authorize: validation, login bounce, consent, redirect back with a code.
import type { Ctx } from "../context.js";
import { applyFault } from "../fault-reply.js";
import { Form, htmlReply, redirect, type Reply } from "../http.js";
import { consentPage } from "../pages/consent.js";
import { errorPage } from "../pages/error.js";
import type { Router } from "../router.js";
import { csrfValid, currentUser, ensureSession, loginRedirect } from "../session.js";
import type { Consumer } from "../types.js";
import { csrfFailure } from "./account.js";

interface AuthorizeParams {
  client_id: string;
  response_type: string;
  state: string | null;
  redirect_uri: string | null;
}

function readParams(get: (name: string) => string | null): AuthorizeParams {
  return {
    client_id: get("client_id") ?? "",
    response_type: get("response_type") ?? "",
    state: get("state"),
    redirect_uri: get("redirect_uri"),
  };
}

/** Appends query parameters to a callback that may already carry a query string. */
export function withQuery(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.append(k, v);
  return url.toString();
}

type Checked = { consumer: Consumer; target: string } | { reply: Reply };

/** The checks Bitbucket makes before it will redirect anywhere: a bad client or redirect_uri never redirects. */
function check(p: AuthorizeParams, ctx: Ctx): Checked {
  const consumer = p.client_id ? ctx.core.store.getConsumer(p.client_id) : undefined;
  if (!consumer) {
    return { reply: htmlReply(400, errorPage({
      title: "Invalid client_id",
      message: "No OAuth consumer matches this client_id. The app that sent you here may be misconfigured.",
    })) };
  }
  if (!consumer.callbackUrl) {
    return { reply: htmlReply(400, errorPage({
      title: "No callback URL",
      message: `The OAuth consumer "${consumer.name}" has no callback URL, so this integration is misconfigured.`,
    })) };
  }
  if (p.redirect_uri !== null && !p.redirect_uri.startsWith(consumer.callbackUrl)) {
    return { reply: htmlReply(400, errorPage({
      title: "Invalid redirect_uri",
      message: "Invalid redirect_uri: it does not match the callback URL registered for this OAuth consumer. This integration is misconfigured.",
      detail: "Ask the app's administrator to check the callback URL of the OAuth consumer in Bitbucket.",
    })) };
  }
  let target: string;
  try {
    target = new URL(p.redirect_uri ?? consumer.callbackUrl).toString();
  } catch {
    return { reply: htmlReply(400, errorPage({ title: "Invalid redirect_uri", message: "Invalid redirect_uri: not a valid URL. This integration is misconfigured." })) };
  }
  return { consumer, target };
}

async function authorizeGet(ctx: Ctx): Promise<Reply> {
  const fault = await applyFault(ctx, "authorize");
  if (fault) return fault;
  const p = readParams((n) => ctx.url.searchParams.get(n));
  const checked = check(p, ctx);
  if ("reply" in checked) return checked.reply;
  if (p.response_type !== "code") {
    return redirect(withQuery(checked.target, {
      error: "unsupported_response_type",
      error_description: `Unsupported response type: ${p.response_type || "None"}`,
      state: p.state,
    }));
  }
  const session = ensureSession(ctx);
  const user = currentUser(ctx);
  if (!user) return loginRedirect(ctx);
  return htmlReply(200, consentPage({ consumer: checked.consumer, user, csrf: session.csrf, params: p }));
}

async function authorizePost(ctx: Ctx): Promise<Reply> {
  const form = Form.parse(await ctx.body());
  const p = readParams((n) => (form.has(n) ? form.get(n) : null));
  const checked = check(p, ctx);
  if ("reply" in checked) return checked.reply;
  if (!csrfValid(ctx, form)) return csrfFailure();
  const user = currentUser(ctx);
  if (!user) return loginRedirect(ctx, `/site/oauth2/authorize?${new URLSearchParams(
    Object.entries(p).filter((e): e is [string, string] => e[1] !== null),
  ).toString()}`);
  if (form.get("decision") !== "grant") {
    return redirect(withQuery(checked.target, {
      error: "access_denied",
      error_description: "The user denied the request to authorize this app.",
      state: p.state,
    }));
  }
  const code = ctx.core.store.issueCode(checked.consumer, user.username, p.redirect_uri);
  return redirect(withQuery(checked.target, { code: code.code, state: p.state }));
}

export function oauthRoutes(r: Router): void {
  r.get("/site/oauth2/authorize", authorizeGet).post("/site/oauth2/authorize", authorizePost);
}
