import { appUrl } from "@/lib/http/app-url";
import { SIGN_IN_PATH } from "./paths";

/**
 * Auth.js reports every provider error on its callback as one generic code. When the
 * person pressed Cancel on Bitbucket's consent page (`error=access_denied`), say so.
 */
export function consentCancelledRedirect(request: Request): Response | null {
  const url = new URL(request.url);
  if (!url.pathname.endsWith("/callback/bitbucket") || url.searchParams.get("error") !== "access_denied") return null;
  return Response.redirect(appUrl(`${SIGN_IN_PATH}?error=ConsentCancelled`), 302);
}
