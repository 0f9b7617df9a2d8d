import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, SIGN_IN_PATH } from "@/lib/auth/paths";
import { appUrl } from "@/lib/http/app-url";

/**
 * Sends visitors without a session cookie to sign-in before any dashboard page
 * renders. Only a fast path: every page and action still checks the session itself.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = appUrl(SIGN_IN_PATH);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/orgs/:path*", "/settings/:path*"],
};
