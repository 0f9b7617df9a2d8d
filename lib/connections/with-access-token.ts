import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { withRetries } from "@/lib/http/retry";
import { asConsumer } from "@/lib/vcs/bitbucket-cloud/consumer-usage";
import { getAccessToken } from "./get-access-token";

/**
 * Calls Bitbucket with the connection's token. Transient failures are retried with
 * back-off; a 401 (expired or rejected token) triggers one refresh and one retry, never
 * a loop. Every call made counts against the connection's OAuth consumer.
 */
export async function withAccessToken<T>(connectionId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
  const consumer = await db().vcsConnection.findUnique({ where: { id: connectionId }, select: { hostUrl: true, clientId: true } });
  const run = async () => {
    const token = await getAccessToken(connectionId);
    try {
      return await withRetries(() => call(token));
    } catch (error) {
      if (!isAppError(error) || error.code !== "bitbucket_token_rejected") throw error;
      const fresh = await getAccessToken(connectionId, { rejected: token });
      return withRetries(() => call(fresh));
    }
  };
  return consumer?.clientId ? asConsumer({ hostUrl: consumer.hostUrl, clientId: consumer.clientId }, run) : run();
}
