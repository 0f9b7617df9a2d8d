import "server-only";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { projectSealContext } from "./seal-context";

export type HookKey = { projectId: string; secret: string };

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
type Entry = { key: Promise<HookKey | null>; expiresAt: number };
const entries = new Map<string, Entry>();

/**
 * The project and opened secret behind a hook id, kept in this process for a minute: a
 * busy hook then costs no query and no unsealing before its delivery is stored. A hook's
 * secret never changes while its project exists (key rotation reseals the same secret);
 * a project deleted elsewhere is caught when its delivery cannot be stored, and
 * `forgetHookKey` drops it here at once.
 */
export function hookKey(hookId: string): Promise<HookKey | null> {
  const now = Date.now();
  const hit = entries.get(hookId);
  if (hit && hit.expiresAt > now) return hit.key;
  const key = readHookKey(hookId);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  const entry = { key, expiresAt: now + TTL_MS };
  entries.set(hookId, entry);
  // Unknown hooks and failed reads are not kept: a new project's hook works at once.
  key.then(
    (found) => found || forgetHookKey(hookId, entry),
    () => forgetHookKey(hookId, entry),
  );
  return key;
}

export function forgetHookKey(hookId: string, only?: Entry): void {
  if (!only || entries.get(hookId) === only) entries.delete(hookId);
}

async function readHookKey(hookId: string): Promise<HookKey | null> {
  const project = await db().project.findUnique({ where: { hookId }, select: { id: true, hookSecretSealed: true } });
  if (!project) return null;
  return { projectId: project.id, secret: openSecret(project.hookSecretSealed, projectSealContext.hookSecret(project.id)) };
}
