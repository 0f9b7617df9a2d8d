import "server-only";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { projectSealContext } from "./seal-context";

export type HookKey = { projectId: string; secret: string };

/**
 * The project and opened secret behind a hook id, kept in this process for a minute: a
 * busy hook then costs no query and no unsealing before its delivery is stored. A hook's
 * secret never changes while its project exists (key rotation reseals the same secret);
 * a project deleted elsewhere is caught when its delivery cannot be stored, and removing
 * one here forgets its hook at once. Unknown hooks are not kept: a new project's hook
 * works at once.
 */
const keys = new TtlCache<HookKey | null>({ ttlMs: () => 60_000, keep: (key) => key !== null });

export function hookKey(hookId: string): Promise<HookKey | null> {
  return keys.get(hookId, async () => {
    const project = await db().project.findUnique({ where: { hookId }, select: { id: true, hookSecretSealed: true } });
    if (!project) return null;
    return { projectId: project.id, secret: openSecret(project.hookSecretSealed, projectSealContext.hookSecret(project.id)) };
  });
}

export function forgetHookKey(hookId: string): void {
  keys.forget(hookId);
}
