import "server-only";
import type { z } from "zod";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole, resolveUserAccess } from "@/lib/access/resolve-access";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { toFailure, validationFailure, type Failure } from "@/lib/errors/to-failure";
import { log } from "@/lib/log";
import type { OrgRole } from "@/lib/access/roles";
import { orgSlugParam } from "@/lib/orgs/schemas";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: Failure };

/**
 * The one way to build a server action on an organization: it checks the session,
 * the caller's role in the organization and the input (zod) on the server, then runs
 * the use case; unexpected errors are logged and hidden behind a generic message.
 */
export function orgAction<S extends z.ZodType, T>(
  options: { input: S; role: OrgRole; name: string },
  handler: (input: z.infer<S>, access: OrgAccess) => Promise<T>,
) {
  return async (orgSlug: string, rawInput: unknown): Promise<ActionResult<T>> => {
    try {
      // Server actions are public endpoints: the slug is whatever the client sent.
      const slug = orgSlugParam.safeParse(orgSlug);
      if (!slug.success) return { ok: false, error: { ...validationFailure(slug.error), field: "orgSlug" } };
      const user = await currentUser();
      if (!user) throw new AppError("unauthenticated");
      const access = await resolveUserAccess(user, slug.data);
      requireRole(access, options.role);
      const parsed = options.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
      return { ok: true, data: await handler(parsed.data, access) };
    } catch (error) {
      const { failure, unexpected } = toFailure(error);
      if (unexpected) log().error({ err: error, action: options.name }, "server action failed");
      return { ok: false, error: failure };
    }
  };
}
