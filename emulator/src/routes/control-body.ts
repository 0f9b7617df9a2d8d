// JSON bodies of the control API: parsed against a schema, errors name the offending field.
import type { z } from "zod";
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import { describeIssues } from "../schemas.js";

export const bad = (message: string) => json(400, { error: message });

export async function parseBody<S extends z.ZodType>(ctx: Ctx, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; reply: Reply }> {
  const text = (await ctx.body()).toString("utf8");
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { ok: false, reply: bad("Request body must be JSON.") };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reply: bad(`Invalid body: ${describeIssues(parsed.error)}`) };
}
