import { isOpen, readSignInPolicy } from "@/lib/auth/sign-in-policy";
import { instanceOwnerContact } from "@/lib/users/instance-owner";

/** For a refused sign-in: what the policy admits, and whom to ask. */
export async function RefusalDetails({ code }: { code: string }) {
  if (code !== "NotAllowed" && code !== "Blocked" && code !== "AwaitingOwner") return null;
  const [policy, owner] = await Promise.all([readSignInPolicy(), instanceOwnerContact()]);
  return (
    <div className="space-y-2 text-sm text-slate-700">
      {code === "NotAllowed" && !isOpen(policy) ? (
        <ul className="list-disc space-y-1 pl-5">
          {policy.workspaces.length > 0 ? <li>Members of the Bitbucket workspace{policy.workspaces.length > 1 ? "s" : ""} {policy.workspaces.join(", ")}</li> : null}
          {policy.emailDomains.length > 0 ? (
            <li>People whose primary, confirmed Bitbucket email ends in {policy.emailDomains.map((domain) => `@${domain}`).join(", ")}</li>
          ) : null}
        </ul>
      ) : null}
      {owner && code !== "AwaitingOwner" ? (
        <p>
          To be let in, ask the instance owner, {owner.name ?? "who runs this server"}
          {owner.email ? (
            <>
              {" "}(<a className="break-all text-brand-700 underline" href={`mailto:${owner.email}`}>{owner.email}</a>)
            </>
          ) : null}
          .
        </p>
      ) : null}
    </div>
  );
}
