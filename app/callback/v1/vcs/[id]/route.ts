import { NextResponse, type NextRequest } from "next/server";
import { currentSessionToken, currentUser } from "@/lib/auth/session";
import { completeAuthorization, connectionResultPath } from "@/lib/connections/complete-authorization";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { failureResponse } from "@/lib/api/failure-response";
import { appUrl } from "@/lib/http/app-url";
import { limitRequest } from "@/lib/api/limit-request";

const callbackErrorPage = (error: unknown) => failureResponse(error, { route: "authorization callback", as: "page", title: "Connection not completed" });

// Failures that say nothing about the connection to whoever holds the link.
const UNTIED = new Set(["state_invalid", "forbidden"]);

async function connectionPage(id: string, result: string): Promise<Response | null> {
  const path = await connectionResultPath(id, result);
  return path ? NextResponse.redirect(appUrl(path), 303) : null;
}

/** Bitbucket sends the admin back here after Grant access or Cancel. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const limited = await limitRequest("connect", request, "authorization callback");
  if (limited) return limited;
  const { id } = await params;
  const query = request.nextUrl.searchParams;
  try {
    const user = await currentUser();
    if (!user) throw new AppError("state_invalid");
    const caller = { userId: user.id, label: user.name ?? user.email ?? user.id, sessionToken: await currentSessionToken() };
    const outcome = await completeAuthorization(id, { state: query.get("state"), code: query.get("code"), error: query.get("error") }, caller);
    return (await connectionPage(id, outcome.status)) ?? callbackErrorPage(new AppError("not_found"));
  } catch (error) {
    if (isAppError(error) && !UNTIED.has(error.code)) {
      const page = await connectionPage(id, error.code);
      if (page) return page;
    }
    // Anything else says nothing about the connection to whoever holds the link.
    if (isAppError(error)) return callbackErrorPage(new AppError(error.code === "forbidden" ? "forbidden" : "state_invalid"));
    return callbackErrorPage(error);
  }
}
