import "server-only";
import type { z } from "zod";
import type { InstanceActor } from "@/lib/audit/record-instance-audit-event";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { toFailure, validationFailure } from "@/lib/errors/to-failure";
import { log } from "@/lib/log";
import { requireInstanceOwner } from "@/lib/users/instance-owner";
import type { ActionResult } from "./org-action";

/**
 * The server-action wrapper for instance-wide settings: a session, the caller being the
 * instance owner now (read from the database, not the session), zod input, codes out.
 */
export function instanceAction<S extends z.ZodType, T>(
  options: { input: S; name: string },
  handler: (input: z.infer<S>, actor: InstanceActor) => Promise<T>,
) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError("unauthenticated");
      const actor = await requireInstanceOwner(user);
      const parsed = options.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      const { failure, unexpected } = toFailure(error);
      if (unexpected) log().error({ err: error, action: options.name }, "server action failed");
      return { ok: false, error: failure };
    }
  };
}
