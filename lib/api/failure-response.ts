import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import { toFailure } from "@/lib/errors/to-failure";
import { plainPage } from "@/lib/http/plain-page";
import { log } from "@/lib/log";
import { retryAfterHeader } from "@/lib/rate-limit";
import { jsonError } from "./api-route";

type Answer = { route: string } & ({ as: "json" } | { as: "page"; title: string });

/**
 * The one way a route handler outside the wrappers (the OAuth callback, the Connect route,
 * the webhook receiver, the public status route) answers a failure: a known error with its
 * code, message and hint, as JSON (`{error}`) or as a small page for a browser; anything
 * else is logged and answered with a generic message.
 */
export function failureResponse(error: unknown, answer: Answer): Response {
  const { failure, status, unexpected } = toFailure(error);
  if (unexpected) log().error({ err: error, route: answer.route }, "route failed");
  const response = answer.as === "json" ? jsonError(status, failure) : plainPage({ title: answer.title, paragraphs: [failure.message, failure.hint], status, alert: true });
  if (isAppError(error)) for (const [name, value] of Object.entries(retryAfterHeader(error))) response.headers.set(name, value);
  return response;
}

