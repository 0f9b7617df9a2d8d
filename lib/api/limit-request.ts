import "server-only";
import { takeRequest, type RateLimitName } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { failureResponse } from "./failure-response";

/**
 * For route handlers a browser navigates to (sign-in, Connect, the callback): counts the
 * request against the client address's ceiling; null, or the 429 page with Retry-After.
 */
export async function limitRequest(name: RateLimitName, request: Request, route: string): Promise<Response | null> {
  try {
    await takeRequest(name, clientAddress(request.headers));
    return null;
  } catch (error) {
    return failureResponse(error, { route, as: "page", title: "Too many requests" });
  }
}
