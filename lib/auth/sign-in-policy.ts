import "server-only";
import { z } from "zod";
import { recordInstanceAuditEvent, type InstanceActor } from "@/lib/audit/record-instance-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { EMAIL_DOMAIN, splitList } from "@/lib/env/schema";
import { WORKSPACE_SLUG } from "@/lib/vcs/bitbucket-cloud/workspace-slug";

/**
 * Who may sign in: members of any listed Bitbucket workspace, or people whose primary
 * confirmed email is in a listed domain. Both lists empty: anyone with a Bitbucket account.
 * The instance owner is never refused, so the policy cannot lock them out.
 */
export type SignInPolicy = { workspaces: string[]; emailDomains: string[]; source: "settings" | "environment" };

/** The saved policy, or the SIGN_IN_ALLOWED_* variables until the instance owner saves one. */
export async function readSignInPolicy(): Promise<SignInPolicy> {
  const saved = await db().signInPolicy.findUnique({ where: { id: 1 } });
  if (saved) return { workspaces: splitList(saved.allowedWorkspaces), emailDomains: splitList(saved.allowedEmailDomains), source: "settings" };
  const config = env();
  return { workspaces: config.SIGN_IN_ALLOWED_WORKSPACES, emailDomains: config.SIGN_IN_ALLOWED_EMAIL_DOMAINS, source: "environment" };
}

export const isOpen = (policy: SignInPolicy) => policy.workspaces.length === 0 && policy.emailDomains.length === 0;

export type RefusalReason = "awaiting_owner" | "blocked" | "not_allowed";
export type SignInDecision = { allowed: true } | { allowed: false; reason: RefusalReason };

export type SignInFacts = {
  /** Whether someone already owns the instance. */
  instanceClaimed: boolean;
  ownerEmail: string | undefined;
  /** The person's user record here, if they signed in before. */
  existing: { isInstanceOwner: boolean; blocked: boolean } | null;
  /** Primary confirmed email from Bitbucket, or null. */
  email: string | null;
  /** Slugs of the person's Bitbucket workspaces; null when they could not be read. */
  workspaces: string[] | null;
  policy: SignInPolicy;
};

/** The sign-in rules in one pure function: who claims the instance, who is blocked, who the policy lets in. */
export function decideSignIn(facts: SignInFacts): SignInDecision {
  const email = facts.email?.toLowerCase() ?? null;
  if (facts.existing?.blocked) return { allowed: false, reason: "blocked" };
  if (!facts.instanceClaimed && facts.ownerEmail) {
    // Until the named owner has claimed it, nobody else gets in (and nobody else can claim it).
    return email === facts.ownerEmail ? { allowed: true } : { allowed: false, reason: "awaiting_owner" };
  }
  if (facts.existing?.isInstanceOwner || isOpen(facts.policy)) return { allowed: true };
  const domain = email?.split("@")[1];
  if (domain && facts.policy.emailDomains.includes(domain)) return { allowed: true };
  const workspaces = new Set((facts.workspaces ?? []).map((slug) => slug.toLowerCase()));
  if (facts.policy.workspaces.some((slug) => workspaces.has(slug))) return { allowed: true };
  return { allowed: false, reason: "not_allowed" };
}

const list = (pattern: RegExp, what: string) =>
  z
    .string()
    .max(4000)
    .transform((value, ctx) => {
      const items = splitList(value);
      const bad = items.find((item) => !pattern.test(item));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `“${bad}” is not ${what}.` });
        return z.NEVER;
      }
      if (items.length > 50) {
        ctx.addIssue({ code: "custom", message: "List at most 50." });
        return z.NEVER;
      }
      return items;
    });

export const signInPolicyInput = z.object({
  workspaces: list(WORKSPACE_SLUG, "a Bitbucket workspace ID (lowercase letters, digits, - and _, as in bitbucket.org/{workspace})"),
  emailDomains: list(EMAIL_DOMAIN, "an email domain such as example.com"),
});
export type SignInPolicyInput = z.infer<typeof signInPolicyInput>;

/** The instance owner saves the policy; it replaces the environment's from then on. */
export async function saveSignInPolicy(actor: InstanceActor, input: SignInPolicyInput): Promise<SignInPolicy> {
  const before = await readSignInPolicy();
  const data = { allowedWorkspaces: input.workspaces.join(" "), allowedEmailDomains: input.emailDomains.join(" "), updatedByUserId: actor.userId };
  await db().$transaction(async (tx) => {
    await tx.signInPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordInstanceAuditEvent(tx, {
      actor,
      action: "sign_in_policy.updated",
      target: { type: "sign_in_policy", id: "1" },
      before: { workspaces: before.workspaces, emailDomains: before.emailDomains, source: before.source },
      after: { workspaces: input.workspaces, emailDomains: input.emailDomains },
    });
  });
  return { ...input, source: "settings" };
}
