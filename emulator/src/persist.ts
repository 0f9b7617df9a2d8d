// Optional JSON state file, so consumers made by hand survive a restart.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { describeIssues, stateSchema } from "./schemas.js";
import type { State } from "./types.js";

export function loadStateFile(path: string): State | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`State file ${path} is not valid JSON (${(e as Error).message}). Fix or delete it, then start again.`);
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`State file ${path} has an unexpected shape (${describeIssues(parsed.error)}). Delete it to start from the seed.`);
  }
  return parsed.data as State;
}

/** Write-then-rename so a crash never leaves a half-written file. */
export function saveStateFile(path: string, state: State): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 1));
  renameSync(tmp, path);
}
