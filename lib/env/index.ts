import "server-only";
import { parseEnv, type Env } from "./schema";

export type { Env };

let cached: Env | undefined;

/** The validated configuration, read once per process (lazily, so `next build` needs none). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again: for a process whose configuration changed (tests of key rotation). */
export function reloadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}
