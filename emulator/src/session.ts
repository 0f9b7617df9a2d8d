// Browser sessions for the HTML side: the bbemu_session cookie and its CSRF token.
import { timingSafeEqual } from "node:crypto";
import type { Ctx } from "./context.js";
import { redirect, type Form, type Reply } from "./http.js";
import { findUser, type SeedUser } from "./seed.js";
import type { Session } from "./types.js";

export const SESSION_COOKIE = "bbemu_session";
export const CSRF_FIELD = "csrf_token";

function cookieFor(ctx: Ctx, value: string, expire = false): string {
  const secure = ctx.core.publicUrl.startsWith("https:") ? "; Secure" : "";
  const maxAge = expire ? "; Max-Age=0" : "";
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Lax; Path=/${secure}${maxAge}`;
}

export function currentSession(ctx: Ctx): Session | undefined {
  const id = ctx.cookies.get(SESSION_COOKIE);
  return id ? ctx.core.store.getSession(id) : undefined;
}

/** Every HTML page gets a session so its forms can carry a CSRF token. */
export function ensureSession(ctx: Ctx): Session {
  const existing = currentSession(ctx);
  if (existing) return existing;
  const s = ctx.core.store.createSession(null);
  ctx.cookies.set(SESSION_COOKIE, s.id);
  ctx.setCookies.push(cookieFor(ctx, s.id));
  return s;
}

/** A fresh session id on login, so a session fixed before login is worthless. */
export function startSession(ctx: Ctx, username: string): Session {
  const old = currentSession(ctx);
  if (old) ctx.core.store.deleteSession(old.id);
  const s = ctx.core.store.createSession(username);
  ctx.cookies.set(SESSION_COOKIE, s.id);
  ctx.setCookies.push(cookieFor(ctx, s.id));
  return s;
}

export function endSession(ctx: Ctx): void {
  const old = currentSession(ctx);
  if (old) ctx.core.store.deleteSession(old.id);
  ctx.setCookies.push(cookieFor(ctx, "", true));
}

export function currentUser(ctx: Ctx): SeedUser | undefined {
  const username = currentSession(ctx)?.username;
  return username ? findUser(username) : undefined;
}

export function csrfValid(ctx: Ctx, form: Form): boolean {
  const session = currentSession(ctx);
  const sent = Buffer.from(form.get(CSRF_FIELD));
  if (!session || sent.length === 0) return false;
  const expected = Buffer.from(session.csrf);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** Relative path + query of this request, for the login page's `next`. */
export function herePath(ctx: Ctx): string {
  return `${ctx.url.pathname}${ctx.url.search}`;
}

export function loginRedirect(ctx: Ctx, next = herePath(ctx)): Reply {
  return redirect(`/account/signin?next=${encodeURIComponent(next)}`);
}

/** Only same-origin relative paths; "//evil" and "/\\evil" are protocol-relative in browsers. */
export function safeNext(next: string): string {
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/[\r\n]/.test(next)) return "/";
  return next;
}
