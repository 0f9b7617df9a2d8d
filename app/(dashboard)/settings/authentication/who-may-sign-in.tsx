import Link from "next/link";
import { isOpen, type SignInPolicy } from "@/lib/auth/sign-in-policy";
import { SignInPolicyForm } from "./sign-in-policy-form";

type Props = {
  policy: SignInPolicy;
  owner: { name: string | null; email: string | null } | null;
  ownerEmailSetting: string | undefined;
  viewerIsInstanceOwner: boolean;
};

/** Who may sign in, in plain words; the instance owner edits it here. */
export function WhoMaySignIn({ policy, owner, ownerEmailSetting, viewerIsInstanceOwner }: Props) {
  return (
    <section aria-labelledby="who" className="mb-6 space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="who" className="font-semibold">Who may sign in</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>
          The instance owner{owner ? `, ${owner.name ?? owner.email ?? "unnamed"}${owner.email && owner.name ? ` (${owner.email})` : ""}` : ""}, always.
          {ownerEmailSetting ? ` INSTANCE_OWNER_EMAIL names ${ownerEmailSetting} as the one who claims a fresh instance.` : ""}
        </li>
        {isOpen(policy) ? (
          <li>Anyone else with a Bitbucket account: no sign-in policy is set.</li>
        ) : (
          <>
            {policy.workspaces.length > 0 ? <li>Members of the Bitbucket workspaces: {policy.workspaces.join(", ")}.</li> : null}
            {policy.emailDomains.length > 0 ? (
              <li>People whose primary, confirmed email ends in {policy.emailDomains.map((domain) => `@${domain}`).join(", ")}.</li>
            ) : null}
            <li>Nobody else: they see why, and that they should ask the instance owner.</li>
          </>
        )}
        <li>
          Except anyone the instance owner has blocked
          {viewerIsInstanceOwner ? (
            <>
              {" "}(<Link href="/settings/users" className="text-brand-700 underline">Users</Link>)
            </>
          ) : null}
          .
        </li>
      </ul>
      <p className="text-xs text-slate-500">
        {policy.source === "environment"
          ? "From the server's environment (SIGN_IN_ALLOWED_WORKSPACES, SIGN_IN_ALLOWED_EMAIL_DOMAINS) until the instance owner saves a policy here."
          : "Saved here by the instance owner; it replaces the environment's SIGN_IN_ALLOWED_* settings."}
      </p>
      {viewerIsInstanceOwner ? <SignInPolicyForm workspaces={policy.workspaces} emailDomains={policy.emailDomains} /> : null}
    </section>
  );
}
