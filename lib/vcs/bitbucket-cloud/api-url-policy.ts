import { AppError } from "@/lib/errors/app-error";

const CLOUD_HOST = "https://bitbucket.org";
const CLOUD_API = "https://api.bitbucket.org/2.0";

/**
 * Access tokens are sent to the API URL, so it must be the API of the host that issued
 * them: for bitbucket.org exactly https://api.bitbucket.org/2.0; for any other host the
 * same origin as the Host URL (the sandbox serves {host}/2.0) or its `api.` subdomain
 * (same scheme and port), as Bitbucket's own layout has it. Both URLs are already
 * normalised by validateServiceUrl. Returns the API URL a host implies when none is given.
 */
export function expectedApiUrl(hostUrl: string): string {
  return new URL(hostUrl).origin === CLOUD_HOST ? CLOUD_API : `${new URL(hostUrl).origin}/2.0`;
}

export function checkApiUrlBelongsToHost(hostUrl: string, apiUrl: string): void {
  const host = new URL(hostUrl);
  const api = new URL(apiUrl);
  const allowed =
    host.origin === CLOUD_HOST
      ? apiUrl.replace(/\/+$/, "") === CLOUD_API
      : api.protocol === host.protocol && api.port === host.port && (api.hostname === host.hostname || api.hostname === `api.${host.hostname}`);
  if (!allowed) {
    const example = host.origin === CLOUD_HOST ? CLOUD_API : `${host.origin}/2.0 or ${host.protocol}//api.${host.host}/2.0`;
    throw new AppError("api_url_not_on_host", { field: "apiUrl", detail: `for ${host.host} use ${example}` });
  }
}
