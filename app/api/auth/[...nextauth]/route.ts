import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { consentCancelledRedirect } from "@/lib/auth/consent-cancelled";

export const { POST } = handlers;

export function GET(request: NextRequest) {
  return consentCancelledRedirect(request) ?? handlers.GET(request);
}
