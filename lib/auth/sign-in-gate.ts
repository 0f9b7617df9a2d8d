import "server-only";
import type { Database } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { LoginProfile } from "./bitbucket-login-provider";
import { decideSignIn, readSignInPolicy, type RefusalReason, type SignInDecision } from "./sign-in-policy";

/** The sign-in page's error code for each refusal: it explains the reason and whom to ask. */
export const refusalCodes: Record<RefusalReason, string> = {
  awaiting_owner: "AwaitingOwner",
  blocked: "Blocked",
  not_allowed: "NotAllowed",
};

/** Gathers what the rules need about a Bitbucket identity signing in, and applies them. */
export async function checkSignIn(
  database: Database,
  identity: { provider: string; providerAccountId: string },
  profile: LoginProfile,
  ownerEmail: string | undefined,
): Promise<SignInDecision> {
  const [instance, existing, policy] = await Promise.all([
    database.instance.findUnique({ where: { id: 1 }, select: { ownerUserId: true } }),
    database.user.findFirst({ where: { accounts: { some: identity } }, select: { id: true, role: true, blockedAt: true } }),
    readSignInPolicy(),
  ]);
  const decision = decideSignIn({
    instanceClaimed: Boolean(instance),
    ownerEmail,
    existing: existing ? { isInstanceOwner: instance?.ownerUserId === existing.id, blocked: existing.blockedAt !== null } : null,
    email: profile.email,
    workspaces: profile.workspaces?.map((workspace) => workspace.slug) ?? null,
    policy,
  });
  if (!decision.allowed) log().info({ reason: decision.reason, userId: existing?.id ?? null }, "sign-in refused");
  return decision;
}
