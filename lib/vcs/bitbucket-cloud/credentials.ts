import "server-only";
import { z } from "zod";
import type { VcsCredential } from "@/lib/vcs/credential";
import { getJson, pathSegment } from "./api-client";
import { listRepositories } from "./repositories";
import { expandScopes } from "./scopes";
import { bitbucketUserSchema } from "./schemas";

const repositoryProbe = z.object({ uuid: z.string() }).loose();

/** An OAuth consumer's access token: Bearer, refreshed by whoever holds the grant. */
export function oauthCredential(input: {
  accessToken: string;
  expiresAt: Date;
  grantedScopes: readonly string[];
  account: string | null;
  refresh: () => Promise<VcsCredential>;
}): VcsCredential {
  return {
    type: "oauth_consumer",
    authorization: () => `Bearer ${input.accessToken}`,
    identity: () => input.account ?? "OAuth consumer",
    // Without Account: Read there is nothing cheap to call: a token that refreshed is the proof.
    check: async (apiUrl) => {
      if (expandScopes(input.grantedScopes).has("account")) await getJson(`${apiUrl}/user`, input.accessToken, bitbucketUserSchema);
    },
    refresh: input.refresh,
    expiresAt: () => input.expiresAt,
  };
}

export type TokenResource = { kind: "repository" | "project" | "workspace"; workspace: string; key: string | null };

export function describeResource(r: TokenResource): string {
  if (r.kind === "repository") return `Repository ${r.workspace}/${r.key ?? ""}`;
  if (r.kind === "project") return `Project ${r.key ?? ""} in ${r.workspace}`;
  return `Workspace ${r.workspace}`;
}

/** Bitbucket's filter for a project's repositories. */
export const projectFilter = (key: string) => `project.key = "${key.replace(/"/g, '\\"')}"`;

/** A repository's, project's or workspace's access token: Bearer, confined to that resource, never refreshed. */
export function accessTokenCredential(input: { token: string; resource: TokenResource; expiresAt: Date | null }): VcsCredential {
  const self: VcsCredential = {
    type: "access_token",
    authorization: () => `Bearer ${input.token}`,
    identity: () => describeResource(input.resource),
    check: async (apiUrl) => {
      const { kind, workspace, key } = input.resource;
      if (kind === "repository") {
        await getJson(`${apiUrl}/repositories/${pathSegment(workspace, "workspace")}/${pathSegment(key ?? "", "repository")}`, self, repositoryProbe);
      } else {
        await listRepositories(apiUrl, self, workspace, { pagelen: 1, ...(kind === "project" && key ? { filter: projectFilter(key) } : {}) });
      }
    },
    refresh: async () => null,
    expiresAt: () => input.expiresAt,
  };
  return self;
}

/** An Atlassian account's API token: HTTP Basic with the account's email, never refreshed. */
export function apiTokenCredential(input: { email: string; token: string; account: string | null; expiresAt: Date | null }): VcsCredential {
  const basic = Buffer.from(`${input.email}:${input.token}`).toString("base64");
  const self: VcsCredential = {
    type: "api_token",
    authorization: () => `Basic ${basic}`,
    identity: () => input.account ?? input.email,
    check: async (apiUrl) => {
      await getJson(`${apiUrl}/user`, self, bitbucketUserSchema);
    },
    refresh: async () => null,
    expiresAt: () => input.expiresAt,
  };
  return self;
}
