// Workspace settings pages: OAuth consumer list, add, edit, delete.
import { z } from "zod";
import type { Ctx } from "../context.js";
import { Form, htmlReply, redirect, type Reply } from "../http.js";
import {
  consumerFormPage, EMPTY_CONSUMER_FORM, type ConsumerFormErrors, type ConsumerFormValues,
} from "../pages/consumer-form.js";
import { consumerListPage } from "../pages/consumer-list.js";
import { errorPage } from "../pages/error.js";
import type { Router } from "../router.js";
import { isScope } from "../scopes.js";
import { findWorkspace, type SeedUser, type SeedWorkspace } from "../seed.js";
import { csrfValid, currentUser, ensureSession, loginRedirect } from "../session.js";
import type { Session } from "../types.js";
import { csrfFailure } from "./account.js";

interface Admin {
  user: SeedUser;
  ws: SeedWorkspace;
  session: Session;
}

/** Workspace settings are for the workspace's admins only. */
function requireAdmin(ctx: Ctx): Admin | Reply {
  const session = ensureSession(ctx);
  const user = currentUser(ctx);
  if (!user) return loginRedirect(ctx);
  const ws = findWorkspace(ctx.params.workspace ?? "");
  if (!ws) return htmlReply(404, errorPage({ title: "Workspace not found", message: "This workspace does not exist." }));
  if (ws.members[user.username] !== "admin") {
    return htmlReply(403, errorPage({
      title: "Access denied",
      message: `You need to be an administrator of the ${ws.name} workspace to manage its OAuth consumers.`,
    }));
  }
  return { user, ws, session };
}

const optionalUrl = z.string().trim().refine((v) => v === "" || isHttpUrl(v), "Enter a valid URL, starting with http:// or https://.");

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

const formSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(255, "Name is too long."),
  description: z.string().trim(),
  callbackUrl: z.string().trim().min(1, "Callback URL is required.").refine(isHttpUrl, "Enter a valid URL, starting with http:// or https://."),
  url: optionalUrl,
  privacyPolicyUrl: optionalUrl,
  eulaUrl: optionalUrl,
  isPrivate: z.boolean(),
  scopes: z.array(z.string().refine(isScope, "Unknown permission.")),
});

function readForm(form: Form): ConsumerFormValues {
  return {
    name: form.get("name"), description: form.get("description"), callbackUrl: form.get("callbackUrl"),
    url: form.get("url"), privacyPolicyUrl: form.get("privacyPolicyUrl"), eulaUrl: form.get("eulaUrl"),
    isPrivate: form.has("is_private"), scopes: form.all("scopes"),
  };
}

function validate(values: ConsumerFormValues): { ok: true; data: z.infer<typeof formSchema> } | { ok: false; errors: ConsumerFormErrors } {
  const parsed = formSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: ConsumerFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ConsumerFormValues;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

const listPath = (ws: string) => `/${ws}/workspace/settings/api`;

function list(ctx: Ctx): Reply {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  const flash = a.session.flash;
  if (flash) ctx.core.store.setFlash(a.session, null);
  return htmlReply(200, consumerListPage({
    workspace: a.ws, user: a.user, csrf: a.session.csrf, flash, consumers: ctx.core.store.listConsumers(a.ws.slug),
  }));
}

function newForm(ctx: Ctx): Reply {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  return htmlReply(200, consumerFormPage({
    mode: "new", workspace: a.ws, user: a.user, csrf: a.session.csrf, action: herePath(ctx), values: EMPTY_CONSUMER_FORM, errors: {},
  }));
}

const herePath = (ctx: Ctx) => ctx.url.pathname;

async function create(ctx: Ctx): Promise<Reply> {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  const values = readForm(form);
  const result = validate(values);
  if (!result.ok) {
    return htmlReply(400, consumerFormPage({
      mode: "new", workspace: a.ws, user: a.user, csrf: a.session.csrf, action: herePath(ctx), values, errors: result.errors,
    }));
  }
  const c = ctx.core.store.createConsumer({ ...result.data, workspace: a.ws.slug });
  ctx.core.store.setFlash(a.session, `Consumer "${c.name}" was added.`);
  return redirect(listPath(a.ws.slug));
}

function findOwned(ctx: Ctx, a: Admin) {
  const c = ctx.core.store.getConsumer(ctx.params.key ?? "");
  return c && c.workspace === a.ws.slug ? c : undefined;
}

const consumerMissing = () => htmlReply(404, errorPage({ title: "Consumer not found", message: "This workspace has no OAuth consumer with that key." }));

function editForm(ctx: Ctx): Reply {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  const c = findOwned(ctx, a);
  if (!c) return consumerMissing();
  const values: ConsumerFormValues = {
    name: c.name, description: c.description, callbackUrl: c.callbackUrl, url: c.url,
    privacyPolicyUrl: c.privacyPolicyUrl, eulaUrl: c.eulaUrl, isPrivate: c.isPrivate, scopes: c.scopes,
  };
  return htmlReply(200, consumerFormPage({ mode: "edit", workspace: a.ws, user: a.user, csrf: a.session.csrf, action: herePath(ctx), values, errors: {} }));
}

async function update(ctx: Ctx): Promise<Reply> {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  const c = findOwned(ctx, a);
  if (!c) return consumerMissing();
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  const values = readForm(form);
  const result = validate(values);
  if (!result.ok) {
    return htmlReply(400, consumerFormPage({ mode: "edit", workspace: a.ws, user: a.user, csrf: a.session.csrf, action: herePath(ctx), values, errors: result.errors }));
  }
  ctx.core.store.updateConsumer(c.key, result.data);
  ctx.core.store.setFlash(a.session, `Consumer "${result.data.name}" was updated.`);
  return redirect(listPath(a.ws.slug));
}

async function remove(ctx: Ctx): Promise<Reply> {
  const a = requireAdmin(ctx);
  if ("kind" in a) return a;
  const c = findOwned(ctx, a);
  if (!c) return consumerMissing();
  const form = Form.parse(await ctx.body());
  if (!csrfValid(ctx, form)) return csrfFailure();
  ctx.core.store.deleteConsumer(c.key);
  ctx.core.store.setFlash(a.session, `Consumer "${c.name}" was deleted.`);
  return redirect(listPath(a.ws.slug));
}

export function consumerRoutes(r: Router): void {
  const base = "/:workspace/workspace/settings";
  r.get(`${base}/api`, list)
    .get(`${base}/oauth-consumers/new`, newForm)
    .post(`${base}/oauth-consumers/new`, create)
    .get(`${base}/oauth-consumers/:key/edit`, editForm)
    .post(`${base}/oauth-consumers/:key/edit`, update)
    .post(`${base}/oauth-consumers/:key/delete`, remove);
}
