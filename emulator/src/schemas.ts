// zod schemas for everything that comes from outside: env, control API bodies, the state file.
import { z } from "zod";
import { credentialStateSchema } from "./credentials/schemas.js";
import { ALL_SCOPES } from "./scopes.js";
import { PR_ACTIONS } from "./webhooks/events.js";

const scopeList = z.array(z.enum(ALL_SCOPES, { error: (i) => `unknown scope ${JSON.stringify(i.input)}; expected one of ${ALL_SCOPES.join(", ")}` }));

const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}, "must be an absolute http(s) URL");

/** Empty string allowed: a consumer without a callback is a real (broken) configuration. */
const callbackUrl = z.union([z.literal(""), httpUrl]);

export const consumerSeedSchema = z.object({
  key: z.string().min(1),
  secret: z.string().min(1),
  name: z.string().min(1),
  workspace: z.string().min(1),
  callbackUrl,
  scopes: scopeList,
  isPrivate: z.boolean(),
  description: z.string().optional(),
  url: z.string().optional(),
});

export const createConsumerSchema = z.object({
  workspace: z.string().min(1),
  name: z.string().min(1),
  callbackUrl,
  scopes: scopeList,
  isPrivate: z.boolean(),
  key: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only").optional(),
  secret: z.string().min(1).optional(),
  description: z.string().optional(),
  url: z.string().optional(),
});

export const consumerKeySchema = z.object({ consumerKey: z.string().min(1) });

export const revokeSchema = z.object({ consumerKey: z.string().min(1), username: z.string().min(1).optional() });

export const faultSchema = z
  .object({
    target: z.enum(["token", "api", "authorize"]),
    status: z.number().int().min(100).max(599).optional(),
    body: z.unknown().optional(),
    retryAfter: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    drop: z.boolean().optional(),
    times: z.number().int().min(0).default(1),
  })
  .refine((f) => f.status !== undefined || f.drop === true || f.delayMs !== undefined, {
    message: "a fault needs at least one of status, drop or delayMs",
    path: ["status"],
  });

export type FaultInput = z.infer<typeof faultSchema>;

export const settingsSchema = z.object({
  legacyScopesField: z.boolean().optional(),
  refreshGraceSeconds: z.number().int().min(0).optional(),
  accessTokenTtlSeconds: z.number().int().min(0).optional(),
  longTokens: z.boolean().optional(),
  webhookTimeoutMs: z.number().int().min(1).max(120_000).optional(),
  webhookRetryDelayMs: z.number().int().min(0).max(600_000).optional(),
}).strict();

export const clockSchema = z.object({ advanceSeconds: z.number().min(0) }).strict();

const settingsFull = z.object({
  legacyScopesField: z.boolean(),
  refreshGraceSeconds: z.number(),
  accessTokenTtlSeconds: z.number(),
  longTokens: z.boolean(),
  // Absent from state files written before webhooks existed.
  webhookTimeoutMs: z.number().optional(),
  webhookRetryDelayMs: z.number().optional(),
});

const commitRecord = z.object({
  hash: z.string(), message: z.string(), date: z.string(), author: z.string(), parents: z.array(z.string()),
});

export const stateSchema = z.object({
  version: z.literal(1),
  settings: settingsFull,
  consumers: z.array(z.object({
    key: z.string(), secret: z.string(), name: z.string(), workspace: z.string(), description: z.string(),
    callbackUrl: z.string(), url: z.string(), privacyPolicyUrl: z.string(), eulaUrl: z.string(),
    isPrivate: z.boolean(), scopes: z.array(z.string()), createdOn: z.string(),
  })),
  codes: z.array(z.object({
    code: z.string(), consumerKey: z.string(), username: z.string(), redirectUri: z.string().nullable(),
    scopes: z.array(z.string()), expiresAt: z.number(), used: z.boolean(),
  })),
  accessTokens: z.array(z.object({
    token: z.string(), consumerKey: z.string(), username: z.string().nullable(), scopes: z.array(z.string()),
    expiresAt: z.number(), revoked: z.boolean(),
  })),
  refreshTokens: z.array(z.object({
    token: z.string(), consumerKey: z.string(), username: z.string().nullable(), scopes: z.array(z.string()),
    createdAt: z.number(), expiresAt: z.number().nullable(), usedAt: z.number().nullable(), revoked: z.boolean(),
  })),
  sessions: z.array(z.object({
    id: z.string(), username: z.string().nullable(), csrf: z.string(), createdAt: z.number(), flash: z.string().nullable(),
  })),
  hooks: z.array(z.object({
    uuid: z.string(), repo: z.string(), url: z.string(), description: z.string(), active: z.boolean(),
    events: z.array(z.string()), secret: z.string().nullable(), createdAt: z.string(),
  })).default([]),
  activity: z.array(z.object({
    repo: z.string(), commitSeq: z.number(), branches: z.record(z.string(), commitRecord),
    pullRequests: z.array(z.object({
      id: z.number(), title: z.string(), source: z.string(), destination: z.string(),
      state: z.enum(["OPEN", "MERGED", "DECLINED"]), author: z.string(), closedBy: z.string().nullable(),
      createdOn: z.string(), updatedOn: z.string(),
    })),
  })).default([]),
  credentials: credentialStateSchema.optional(),
});

/** A git branch name the simulated repository accepts. */
export const branchName = z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters")
  .refine((v) => /^[A-Za-z0-9._/-]+$/.test(v) && !v.startsWith("/") && !v.startsWith("-") && !v.endsWith("/")
    && !v.endsWith(".lock") && !v.includes("..") && !v.includes("//"), "is not a valid branch name (letters, digits, . _ - /)");

export const pushSchema = z.object({
  branch: branchName.optional(),
  commits: z.number().int().min(1).max(50).default(1),
  message: z.string().min(1).max(500_000).optional(),
  author: z.string().min(1).optional(),
}).strict();

export const pullRequestTriggerSchema = z.object({
  action: z.enum(PR_ACTIONS),
  id: z.number().int().min(1).optional(),
  title: z.string().trim().min(1).max(255).optional(),
  source: branchName.optional(),
  destination: branchName.optional(),
  author: z.string().min(1).optional(),
}).strict();

/** "callbackUrl: must be an absolute http(s) URL; scopes.0: unknown scope …" */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(body)"}: ${i.message}`).join("; ");
}
