/** Bitbucket Cloud's public addresses, the defaults behind "Customize settings". */
export const BITBUCKET_CLOUD_HOST_URL = "https://bitbucket.org";
export const BITBUCKET_CLOUD_API_URL = "https://api.bitbucket.org/2.0";

/** A URL as typed, without surrounding spaces or trailing slashes. */
export function trimUrl(value: string): string {
  return value.trim().replace(/\/+$/, "");
}

/** bitbucket.org's API lives on api.bitbucket.org; a sandbox serves it under its own host at /2.0. */
export function suggestApiUrl(hostUrl: string): string {
  const host = trimUrl(hostUrl);
  if (!host || host === BITBUCKET_CLOUD_HOST_URL) return BITBUCKET_CLOUD_API_URL;
  return `${host}/2.0`;
}
