import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, SIGN_IN_PATH } from "@/lib/auth/paths";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/http/app-url";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";
import { avatarOrigins } from "@/lib/vcs/bitbucket-cloud/avatar-origins";

// Pages only a signed-in person sees; every page and action still checks the session itself.
const SIGNED_IN_ONLY = [/^\/dashboard(\/|$)/, /^\/orgs(\/|$)/, /^\/settings(\/|$)/];

// Where avatars may load from follows the configuration, read once: the same for every request.
let imageOrigins: string[] | undefined;

/**
 * Runs before every page, Auth.js's routes and the OAuth callback: gives the request a
 * fresh CSP nonce (Next applies it to its own scripts when it renders) and the response the
 * security headers, and sends visitors without a session cookie to sign-in before a
 * dashboard page renders.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const config = env();
  const headers = securityHeaders({
    nonce,
    appUrl: config.APP_URL,
    development: config.NODE_ENV === "development",
    imageOrigins: (imageOrigins ??= avatarOrigins(config.BITBUCKET_HOST_URL, config.BITBUCKET_API_URL)),
  });
  const { pathname, search } = request.nextUrl;

  let response: NextResponse;
  if (SIGNED_IN_ONLY.some((pattern) => pattern.test(pathname)) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = appUrl(SIGN_IN_PATH);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static files and the API's route handlers other than Auth.js's
  // (they carry next.config's headers; see apiSecurityHeaders).
  matcher: [{ source: "/((?!api/(?!auth/)|_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
