import "server-only";
import { alertWebhookFailing } from "@/lib/alerts/source-alerts";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { createHook, listHooks, updateHook } from "@/lib/vcs/bitbucket-cloud/hooks";
import { projectSealContext } from "@/lib/webhooks/seal-context";

export const receiverUrl = (hookId: string) => `${env().APP_URL}/api/webhooks/bitbucket/${hookId}`;

/**
 * Makes sure the repository has exactly one hook pointing at this project's receiver,
 * with its events and secret. The receiver URL identifies our hook, so a hook created
 * before a crash (and never saved here) is found and updated, never duplicated.
 */
export async function registerHook(projectId: string): Promise<void> {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    include: { connection: { select: { id: true, apiUrl: true } } },
    omit: { hookSecretSealed: false },
  });
  const url = receiverUrl(project.hookId);
  const hook = {
    description: `vcs-connect: ${project.fullName}`,
    url,
    active: true,
    events: project.events.split(" "),
    secret: openSecret(project.hookSecretSealed, projectSealContext.hookSecret(project.id)),
  };
  const { apiUrl } = project.connection;
  try {
    const saved = await withAccessToken(project.connection.id, async (token) => {
      const existing = (await listHooks(apiUrl, token, project.workspaceSlug, project.slug)).filter((h) => h.url === url);
      if (existing.length === 0) return createHook(apiUrl, token, project.workspaceSlug, project.slug, hook);
      return updateHook(apiUrl, token, project.workspaceSlug, project.slug, existing[0]!.uuid, hook);
    });
    await db().project.update({ where: { id: projectId }, data: { hookUuid: saved.uuid, hookStatus: "registered", hookErrorCode: null } });
  } catch (error) {
    const code = isAppError(error) ? error.code : "bitbucket_unexpected_response";
    await db().project.update({ where: { id: projectId }, data: { hookStatus: "failed", hookErrorCode: code } });
    await alertWebhookFailing(projectId, code).catch((alertError: unknown) => log().error({ err: alertError, projectId }, "could not queue a webhook alert"));
    throw error;
  }
}
