import "server-only";
import Bitbucket from "next-auth/providers/bitbucket";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { getCurrentUser, listEmails, listWorkspaces, primaryConfirmedEmail, type BitbucketWorkspace } from "@/lib/vcs/bitbucket-cloud/user";
import type { BitbucketUser } from "@/lib/vcs/bitbucket-cloud/schemas";

/** `workspaces`: the person's Bitbucket workspaces (for the sign-in policy and the setup's picker); null when unreadable. */
export type LoginProfile = BitbucketUser & { email: string | null; workspaces: BitbucketWorkspace[] | null };

export type LoginProviderConfig = {
  hostUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
};

/** The user record fields a Bitbucket profile sets, at sign-up and on every sign-in. */
export function userFieldsFromProfile(profile: LoginProfile) {
  return {
    name: profile.display_name ?? profile.nickname ?? profile.username ?? null,
    email: profile.email,
    image: profile.links?.avatar?.href ?? null,
  };
}

/** The Bitbucket user behind a sign-in, with the primary confirmed email Bitbucket keeps apart. */
export async function fetchLoginProfile(apiUrl: string, accessToken: string): Promise<LoginProfile> {
  // Read side by side: the workspaces are one more call at every sign-in, not one more wait.
  const [user, emails, workspaces] = await Promise.all([
    getCurrentUser(apiUrl, accessToken),
    // A login consumer without Account: Email still signs people in, just without an address.
    listEmails(apiUrl, accessToken).catch((error: unknown) => {
      if (isAppError(error) && error.code === "bitbucket_missing_scope") return [];
      throw error;
    }),
    // Unreadable workspaces count as none: the policy then decides on the email alone.
    listWorkspaces(apiUrl, accessToken).catch((error: unknown) => {
      log().warn({ code: isAppError(error) ? error.code : "unexpected" }, "could not read the signing-in account's workspaces");
      return null;
    }),
  ]);
  return { ...user, email: primaryConfirmedEmail(emails), workspaces };
}

/**
 * Auth.js's Bitbucket provider pointed at the configured host and API (bitbucket.org
 * or any compatible host), with the primary confirmed email it does not fetch itself.
 */
export function bitbucketLoginProvider(config: LoginProviderConfig) {
  return Bitbucket({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { url: `${config.hostUrl}/site/oauth2/authorize`, params: { scope: "account email" } },
    token: `${config.hostUrl}/site/oauth2/access_token`,
    userinfo: {
      url: `${config.apiUrl}/user`,
      request: ({ tokens }: { tokens: { access_token?: string } }) => fetchLoginProfile(config.apiUrl, tokens.access_token ?? ""),
    },
    profile(profile) {
      const loginProfile = profile as unknown as LoginProfile;
      return { id: loginProfile.account_id ?? loginProfile.uuid, ...userFieldsFromProfile(loginProfile) };
    },
    // Sign-in tokens are not needed after the profile is read, so none are stored.
    account: () => ({}),
    // Bitbucket Cloud ignores PKCE, so `state` is what stops login CSRF.
    checks: ["pkce", "state"],
  });
}
