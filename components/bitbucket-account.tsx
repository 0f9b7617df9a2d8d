import type { ConnectionView } from "@/lib/connections/connection-view";
import { UserAvatar } from "./user-avatar";

/** The Bitbucket account behind a grant: avatar, display name and nickname. */
export function BitbucketAccount({ account }: { account: NonNullable<ConnectionView["account"]> }) {
  return (
    <div className="flex items-center gap-3" data-testid="bitbucket-account">
      <UserAvatar name={account.displayName} image={account.avatarUrl} size={40} />
      <div className="min-w-0">
        <p className="font-medium">{account.displayName ?? "Unnamed Bitbucket account"}</p>
        {account.nickname ? <p className="text-sm text-slate-600">@{account.nickname}</p> : null}
      </div>
    </div>
  );
}
