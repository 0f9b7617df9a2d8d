import { NextResponse, type NextRequest } from "next/server";
import { resolveUserAccess } from "@/lib/access/resolve-access";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { currentSessionToken, currentUser } from "@/lib/auth/session";
import { startAuthorization } from "@/lib/connections/start-authorization";
import { isAppError } from "@/lib/errors/app-error";

type Params = { params: Promise<{ org: string; id: string }> };

/** The connection's connectUrl: opened by a signed-in admin, it redirects to Bitbucket's authorize page. */
export async function GET(request: NextRequest, { params }: Params) {
  const { org, id } = await params;
  const user = await currentUser();
  const sessionToken = await currentSessionToken();
  if (!user || !sessionToken) {
    const signIn = new URL(SIGN_IN_PATH, request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(signIn, 303);
  }
  try {
    const access = await resolveUserAccess(user, org);
    return NextResponse.redirect(await startAuthorization(access, id, sessionToken), 303);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found") return new NextResponse("Not found", { status: 404 });
    return NextResponse.redirect(new URL(`/orgs/${org}/connections/${id}?result=${error.code}`, request.nextUrl), 303);
  }
}
