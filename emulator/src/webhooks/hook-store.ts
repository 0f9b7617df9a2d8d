// Repository webhook subscriptions, keyed by uuid (looked up with or without braces).
import { randomUUID } from "node:crypto";
import type { Hook } from "../types.js";

export interface HookInput {
  repo: string;
  url: string;
  description: string;
  active: boolean;
  events: string[];
  secret: string | null;
}

export type HookPatch = Partial<Omit<HookInput, "repo">>;

/** "{ABC…}", "abc…" or "%7Babc%7D" (already decoded by the router) → "abc…"; null if not a uuid. */
export function bareUuid(value: string): string | null {
  const v = value.trim().replace(/^\{/, "").replace(/\}$/, "").toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ? v : null;
}

export class HookStore {
  private hooks = new Map<string, Hook>();

  constructor(private readonly touch: () => void) {}

  list(repo?: string): Hook[] {
    const all = [...this.hooks.values()];
    return repo === undefined ? all : all.filter((h) => h.repo === repo);
  }

  get(uuid: string): Hook | undefined {
    const id = bareUuid(uuid);
    return id ? this.hooks.get(id) : undefined;
  }

  create(input: HookInput, createdAt: string): Hook {
    const id = randomUUID();
    const hook: Hook = { uuid: `{${id}}`, ...input, events: [...input.events], createdAt };
    this.hooks.set(id, hook);
    this.touch();
    return hook;
  }

  update(uuid: string, patch: HookPatch): Hook | undefined {
    const hook = this.get(uuid);
    if (!hook) return undefined;
    if (patch.url !== undefined) hook.url = patch.url;
    if (patch.description !== undefined) hook.description = patch.description;
    if (patch.active !== undefined) hook.active = patch.active;
    if (patch.events !== undefined) hook.events = [...patch.events];
    if (patch.secret !== undefined) hook.secret = patch.secret;
    this.touch();
    return hook;
  }

  delete(uuid: string): boolean {
    const id = bareUuid(uuid);
    if (!id || !this.hooks.delete(id)) return false;
    this.touch();
    return true;
  }

  clear(): void {
    this.hooks.clear();
    this.touch();
  }

  load(hooks: Hook[]): void {
    this.hooks.clear();
    for (const h of hooks) {
      const id = bareUuid(h.uuid);
      if (id) this.hooks.set(id, { ...h, uuid: `{${id}}` });
    }
  }
}
