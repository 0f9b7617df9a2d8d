import "server-only";
import { parseEnv, type Env } from "./schema";

let cached: Env | undefined;

/** The validated configuration, read once per process (lazily, so `next build` needs none). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
