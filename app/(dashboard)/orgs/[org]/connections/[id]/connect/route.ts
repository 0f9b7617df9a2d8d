import { NextResponse, type NextRequest } from "next/server";
import { resolveUserAccess } from "@/lib/access/resolve-access";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { currentSessionToken, currentUser } from "@/lib/auth/session";
import { getConnection } from "@/lib/connections/read-connections";
import { startAuthorization } from "@/lib/connections/start-authorization";
import { tokenDestination } from "@/lib/connections/token-destination";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/http/app-url";
import { plainPage } from "@/lib/http/plain-page";
import { failureResponse } from "@/lib/api/failure-response";
import { limitRequest } from "@/lib/api/limit-request";

type Params = { params: Promise<{ org: string; id: string }> };

// Navigations from the app's own pages or typed into the address bar start Connect at once;
// anything another site could trigger gets a confirmation button first.
const DIRECT = new Set(["same-origin", "none"]);

async function connect(request: NextRequest, { params }: Params): Promise<Response> {
  const { org, id } = await params;
  const user = await currentUser();
  const sessionToken = await currentSessionToken();
  if (!user || !sessionToken) {
    const signIn = appUrl(SIGN_IN_PATH);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(signIn, 303);
  }
  try {
    const access = await resolveUserAccess(user, org);
    return NextResponse.redirect(await startAuthorization(access, id, sessionToken), 303);
  } catch (error) {
    if (!isAppError(error) || error.code === "not_found") return failureResponse(error, { route: "connect", as: "page", title: "Connection not started" });
    return NextResponse.redirect(appUrl(`/orgs/${encodeURIComponent(org)}/connections/${encodeURIComponent(id)}?result=${error.code}`), 303);
  }
}

/** What the confirmation can say about the connection to someone allowed to see it: its name and where its tokens go. */
async function describeTarget({ params }: Params): Promise<string[]> {
  const { org, id } = await params;
  const user = await currentUser();
  if (!user) return [];
  try {
    const access = await resolveUserAccess(user, org);
    const view = await getConnection(access, id);
    return [`It connects “${view.name}” in ${access.organization.name} to Bitbucket at ${new URL(view.hostUrl).host}.`, tokenDestination(view.hostUrl, view.apiUrl)];
  } catch (error) {
    if (isAppError(error)) return [];
    throw error;
  }
}

/** The connection's connectUrl: opened by a signed-in admin, it redirects to Bitbucket's authorize page. */
export async function GET(request: NextRequest, context: Params) {
  const limited = await limitRequest("connect", request, "connect");
  if (limited) return limited;
  if (DIRECT.has(request.headers.get("sec-fetch-site") ?? "")) return connect(request, context);
  return plainPage({
    title: "Connect to Bitbucket?",
    paragraphs: [
      "You followed a link from elsewhere to connect a Bitbucket account to vcs-connect.",
      ...(await describeTarget(context)),
      "Continue only if you meant to.",
    ],
    status: 200,
    form: { action: request.nextUrl.pathname, button: "Continue to Bitbucket" },
  });
}

/** The confirmation's button; accepted only from the app's own pages. */
export async function POST(request: NextRequest, context: Params) {
  const limited = await limitRequest("connect", request, "connect");
  if (limited) return limited;
  if (request.headers.get("origin") !== new URL(env().APP_URL).origin) {
    return failureResponse(new AppError("forbidden"), { route: "connect", as: "page", title: "Connection not started" });
  }
  return connect(request, context);
}
