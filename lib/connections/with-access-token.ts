import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import { withRetries } from "@/lib/http/retry";
import { getAccessToken } from "./get-access-token";

/**
 * Calls Bitbucket with the connection's token. Transient failures are retried with
 * back-off; a 401 (expired or rejected token) triggers one refresh and one retry, never
 * a loop.
 */
export async function withAccessToken<T>(connectionId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
  const token = await getAccessToken(connectionId);
  try {
    return await withRetries(() => call(token));
  } catch (error) {
    if (!isAppError(error) || error.code !== "bitbucket_token_rejected") throw error;
    const fresh = await getAccessToken(connectionId, { rejected: token });
    return withRetries(() => call(fresh));
  }
}
