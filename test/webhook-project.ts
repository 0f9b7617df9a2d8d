import { POST } from "@/app/api/webhooks/bitbucket/[hookId]/route";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import type { Database } from "@/lib/db/client";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { signBody } from "@/lib/webhooks/signature";

let counter = 0;

/** A project with a registered hook (and its secret) in an organization, as adding a repository leaves it. */
export async function webhookProject(db: Database, organizationId: string) {
  counter += 1;
  const connection = await db.vcsConnection.create({
    data: { organizationId, provider: "bitbucket_cloud", name: `bb-${counter}-${randomToken(4)}`, hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "repository_sync", requiredScopes: "webhook", status: "connected" },
  });
  const hookId = randomToken(16);
  const hookSecret = randomToken(32);
  const project = await db.project.create({
    data: {
      organizationId, connectionId: connection.id, repositoryUuid: `{repo-${counter}}`, fullName: `acme/repo-${counter}`, workspaceSlug: "acme", slug: `repo-${counter}`, name: `repo-${counter}`,
      isPrivate: true, hookId, hookSecretSealed: "pending", events: "repo:push pullrequest:created",
    },
  });
  await db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(hookSecret, projectSealContext.hookSecret(project.id)) } });
  return { project, hookId, hookSecret };
}

export const pushPayload = (branch = "main") =>
  JSON.stringify({ actor: { display_name: "Alice" }, push: { changes: [{ new: { type: "branch", name: branch, target: { hash: "c".repeat(40), message: "Ship it" } }, commits: [{ hash: "c".repeat(40) }] }] } });

/** Sends a signed delivery to the receiver route, as Bitbucket does. */
export function deliverToRoute(target: { hookId: string; hookSecret: string }, body: string, eventKey = "repo:push") {
  const bytes = new TextEncoder().encode(body);
  const request = new Request(`http://localhost/api/webhooks/bitbucket/${target.hookId}`, {
    method: "POST",
    body: Buffer.from(bytes),
    headers: { "content-type": "application/json", "x-event-key": eventKey, "x-request-uuid": crypto.randomUUID(), "x-attempt-number": "1", "x-hub-signature": signBody(target.hookSecret, bytes) },
  });
  return POST(request, { params: Promise.resolve({ hookId: target.hookId }) });
}
