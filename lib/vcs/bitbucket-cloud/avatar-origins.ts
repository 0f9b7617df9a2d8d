/**
 * Where Bitbucket Cloud serves avatars from: its own host (workspaces), Gravatar (people;
 * without a Gravatar picture it redirects to Atlassian's initials) and Atlassian's avatar
 * service (uploaded pictures and those initials).
 */
export const BITBUCKET_CLOUD_AVATAR_ORIGINS = [
  "https://bitbucket.org",
  "https://secure.gravatar.com",
  "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net",
] as const;

/**
 * The origins pages may load avatars from: the sign-in host's and its API's (bitbucket.org,
 * or the sandbox, which serves its own pictures) and Bitbucket Cloud's. An avatar from
 * anywhere else (a connection on some other host) is blocked and shows initials instead.
 */
export function avatarOrigins(hostUrl: string, apiUrl: string): string[] {
  return [...new Set([new URL(hostUrl).origin, new URL(apiUrl).origin, ...BITBUCKET_CLOUD_AVATAR_ORIGINS])];
}
