import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { withRetries } from "@/lib/http/retry";
import { asConsumer } from "@/lib/connections/consumer-usage";
import type { VcsCredential } from "@/lib/vcs/credential";
import { getCredential } from "./get-credential";

/**
 * Calls Bitbucket with the connection's credential, whatever its kind. Transient failures
 * are retried with back-off; a 401 (expired or rejected) gets one refresh and one retry
 * where the kind can refresh (OAuth), never a loop; a token that cannot is marked for
 * replacement. Every call made with an OAuth consumer counts against its hourly allowance
 * (access and API tokens have allowances of their own, which Bitbucket reports itself).
 */
export async function withAccessToken<T>(connectionId: string, call: (credential: VcsCredential) => Promise<T>): Promise<T> {
  const consumer = await db().vcsConnection.findUnique({ where: { id: connectionId }, select: { hostUrl: true, clientId: true, credentialType: true } });
  const run = async () => {
    const credential = await getCredential(connectionId);
    try {
      return await withRetries(() => call(credential));
    } catch (error) {
      if (!isAppError(error) || error.code !== "bitbucket_token_rejected") throw error;
      const fresh = await getCredential(connectionId, { rejected: credential });
      return withRetries(() => call(fresh));
    }
  };
  return consumer?.clientId && consumer.credentialType === "oauth_consumer" ? asConsumer({ hostUrl: consumer.hostUrl, clientId: consumer.clientId }, run) : run();
}
