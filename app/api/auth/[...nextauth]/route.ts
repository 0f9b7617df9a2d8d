import type { NextRequest } from "next/server";
import { limitRequest } from "@/lib/api/limit-request";
import { handlers } from "@/lib/auth";
import { consentCancelledRedirect } from "@/lib/auth/consent-cancelled";

/** Sign-in starts and callbacks count toward the client's sign-in ceiling; session reads do not. */
async function limited(request: NextRequest): Promise<Response | null> {
  if (!/\/(signin|callback)\//.test(request.nextUrl.pathname)) return null;
  return limitRequest("sign_in", request, "sign-in");
}

export async function GET(request: NextRequest) {
  return (await limited(request)) ?? consentCancelledRedirect(request) ?? handlers.GET(request);
}

export async function POST(request: NextRequest) {
  return (await limited(request)) ?? handlers.POST(request);
}
