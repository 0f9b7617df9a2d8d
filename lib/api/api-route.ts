import "server-only";
import type { z } from "zod";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole, resolveTokenAccess } from "@/lib/access/resolve-access";
import { sha256 } from "@/lib/crypto/random";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { readBodyCapped } from "@/lib/http/read-body";
import { retryAfterHeader, takeRequest } from "@/lib/rate-limit";
import { toFailure, validationFailure } from "@/lib/errors/to-failure";
import { log } from "@/lib/log";
import type { OrgRole } from "@/lib/orgs/roles";

type RouteContext<P> = { params: Promise<P> };

export function jsonError(status: number, error: object, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Parses a JSON body (at most API_MAX_BODY_BYTES, else 413) against a schema; bad JSON and bad fields become 400/422 with the field named. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const bytes = await readBodyCapped(request, env().API_MAX_BODY_BYTES, "request_too_large");
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("invalid_input", { detail: "the body is not valid JSON" });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError(parsed.error);
  return parsed.data;
}

/** Parses the query string against a schema; a bad parameter becomes 422 naming it. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(parsed.error);
  return parsed.data;
}

class ValidationError extends Error {
  constructor(readonly zodError: z.ZodError) {
    super("validation failed");
  }
}

export type Authenticate = (request: Request, orgSlug: string) => Promise<OrgAccess>;

/** A route whose caller is authenticated by `authenticate` and must hold `options.role` in the URL's organization. */
export function guardedRoute<P extends { org: string }>(
  authenticate: Authenticate,
  options: { role: OrgRole; name: string },
  handler: (request: Request, params: P, access: OrgAccess) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = await context.params;
      const access = await authenticate(request, params.org);
      requireRole(access, options.role);
      return await handler(request, params, access);
    } catch (error) {
      if (error instanceof ValidationError) return jsonError(422, validationFailure(error.zodError));
      const { failure, status, unexpected } = toFailure(error);
      if (unexpected) log().error({ err: error, route: options.name }, "API route failed");
      return jsonError(status, failure, isAppError(error) ? retryAfterHeader(error) : {});
    }
  };
}

const bearerToken: Authenticate = async (request, orgSlug) => {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token) throw new AppError("unauthenticated");
  // Counted per token (by its hash) before it is looked up, so a flood costs no query.
  await takeRequest("api_token", sha256(token));
  return resolveTokenAccess(token, orgSlug);
};

/**
 * The one way to build a VCS API route: bearer-token authentication, the declared
 * minimum role in the organization named by the URL, JSON errors with codes, and no
 * internals (or secrets) in any response.
 */
export const apiRoute = <P extends { org: string }>(
  options: { role: OrgRole; name: string },
  handler: (request: Request, params: P, access: OrgAccess) => Promise<Response>,
) => guardedRoute(bearerToken, options, handler);
