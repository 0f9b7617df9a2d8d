import { appUrl } from "@/lib/http/app-url";
import { env } from "@/lib/env";
import { DEFAULT_RETURN_PATH, safeReturnPath, SIGN_IN_PATH } from "./paths";

/** Auth.js keeps where sign-in should return to in this cookie (the __Secure- name over https). */
const CALLBACK_URL_COOKIES = ["__Secure-authjs.callback-url", "authjs.callback-url"];

/**
 * Auth.js reports every provider error on its callback as one generic code. When the
 * person pressed Cancel on Bitbucket's consent page (`error=access_denied`), say so, and
 * keep the page they asked for so signing in again still takes them there.
 */
export function consentCancelledRedirect(request: Request): Response | null {
  const url = new URL(request.url);
  if (!url.pathname.endsWith("/callback/bitbucket") || url.searchParams.get("error") !== "access_denied") return null;
  const params = new URLSearchParams({ error: "ConsentCancelled" });
  const returnTo = requestedPath(request);
  if (returnTo !== DEFAULT_RETURN_PATH) params.set("callbackUrl", returnTo);
  return Response.redirect(appUrl(`${SIGN_IN_PATH}?${params}`), 302);
}

function requestedPath(request: Request): string {
  const cookies = new Map(
    (request.headers.get("cookie") ?? "").split(";").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
    }),
  );
  const raw = CALLBACK_URL_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!raw) return DEFAULT_RETURN_PATH;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  // Auth.js stores an absolute URL on this app; only its path is kept, and only if it is ours.
  if (value.startsWith("/")) return safeReturnPath(value);
  try {
    const parsed = new URL(value);
    if (parsed.origin !== new URL(env().APP_URL).origin) return DEFAULT_RETURN_PATH;
    return safeReturnPath(`${parsed.pathname}${parsed.search}`);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}
