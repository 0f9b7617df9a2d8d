// Environment variables of the CLI, validated so a typo stops start-up with a clear fix.
import { z } from "zod";
import { consumerSeedSchema, describeIssues } from "./schemas.js";
import type { EmulatorOptions } from "./server.js";

export class ConfigError extends Error {}

const port = z.coerce.number().int().min(0).max(65535);

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && (u.pathname === "/" || u.pathname === "") && !u.search;
  } catch {
    return false;
  }
}, "must be an origin such as http://127.0.0.1:4100 (no path)");

const FIXES: Record<string, string> = {
  EMULATOR_PORT: "set it to a port number such as 4100 (0 picks a free one)",
  EMULATOR_HOST: "set it to an interface address such as 127.0.0.1",
  EMULATOR_PUBLIC_URL: "set it to the origin the app reaches the emulator at, e.g. http://127.0.0.1:4100",
  EMULATOR_CONSUMERS: 'set it to a JSON array like [{"key":"…","secret":"…","name":"…","workspace":"acme","callbackUrl":"http://localhost:3000/…","scopes":["account"],"isPrivate":false}]',
  EMULATOR_STATE_FILE: "set it to a writable file path, or unset it",
};

function fail(name: string, problem: string): never {
  throw new ConfigError(`${name} is invalid: ${problem}. Fix: ${FIXES[name] ?? "correct or unset it"}.`);
}

function field<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>): T | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail(name, describeIssues(parsed.error).replace(/^\(body\): /, ""));
  return parsed.data;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const options: EmulatorOptions = {
    port: field(env, "EMULATOR_PORT", port) ?? 4100,
    host: field(env, "EMULATOR_HOST", z.string().min(1)) ?? "127.0.0.1",
  };
  const publicUrl = field(env, "EMULATOR_PUBLIC_URL", origin);
  if (publicUrl) options.publicUrl = publicUrl;
  const stateFile = field(env, "EMULATOR_STATE_FILE", z.string().min(1));
  if (stateFile) options.stateFile = stateFile;
  const rawConsumers = env.EMULATOR_CONSUMERS;
  if (rawConsumers !== undefined && rawConsumers.trim() !== "") {
    let value: unknown;
    try {
      value = JSON.parse(rawConsumers);
    } catch (e) {
      fail("EMULATOR_CONSUMERS", `not valid JSON (${(e as Error).message})`);
    }
    const parsed = z.array(consumerSeedSchema).safeParse(value);
    if (!parsed.success) fail("EMULATOR_CONSUMERS", describeIssues(parsed.error));
    options.consumers = parsed.data;
  }
  return options;
}
