import "server-only";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { listHooks } from "./hooks";
import { accessTokenCredential, apiTokenCredential, describeResource, projectFilter, type TokenResource } from "./credentials";
import { getRepository, listRepositories, listWorkspaces } from "./repositories";
import { expandScopes } from "./scopes";
import { getCurrentUser } from "./user";

/** Who a verified token acts as. */
export type TokenIdentity = {
  label: string;
  account: { uuid: string; displayName: string | null; nickname: string | null; avatarUrl: string | null } | null;
};

// Bitbucket's token prefixes tell the two kinds apart before any request.
const ACCESS_TOKEN_PREFIX = "ATCTT";
const API_TOKEN_PREFIX = "ATATT";

const NETWORK = new Set<ErrorCode>(["host_unreachable", "host_timeout", "url_not_allowed", "url_invalid"]);

/** Bitbucket's refusals, as errors on the field the admin fixes. */
function onFields(error: unknown, map: { rejected: ErrorCode; notFound: string }): never {
  if (!isAppError(error)) throw error;
  if (!error.field && NETWORK.has(error.code)) throw error.withField("apiUrl");
  if (error.code === "bitbucket_token_rejected") throw new AppError(map.rejected, { field: "token" });
  if (error.code === "bitbucket_missing_scope") throw new AppError("token_missing_permission", { field: "scopes", detail: error.detail });
  if (error.code === "bitbucket_not_found" || error.code === "bitbucket_forbidden") throw new AppError("token_resource_mismatch", { field: map.notFound });
  throw error;
}

/**
 * Proves an access token before anything is stored: Bitbucket accepts it, it belongs to
 * the repository, project or workspace named, and it can read the repositories and (when
 * the connection needs webhooks) their hooks. Each failure names the field to fix.
 */
export async function verifyAccessToken(input: { apiUrl: string; token: string; resource: TokenResource; scopes: readonly string[] }): Promise<TokenIdentity> {
  if (input.token.startsWith(API_TOKEN_PREFIX)) throw new AppError("access_token_is_api_token", { field: "token" });
  const credential = accessTokenCredential({ token: input.token, resource: input.resource, expiresAt: null });
  const { kind, workspace, key } = input.resource;
  const field = kind === "repository" ? "repository" : kind === "project" ? "project" : "workspace";
  let repoSlug: string | null = null;
  try {
    if (kind === "repository") {
      repoSlug = (await getRepository(input.apiUrl, credential, workspace, key ?? "")).slug ?? key;
    } else {
      const page = await listRepositories(input.apiUrl, credential, workspace, { pagelen: 1, ...(kind === "project" && key ? { filter: projectFilter(key) } : {}) });
      if (page.values.length === 0 && kind === "project") throw new AppError("token_resource_mismatch", { field });
      repoSlug = page.values[0]?.slug ?? page.values[0]?.full_name.split("/")[1] ?? null;
    }
    if (expandScopes(input.scopes).has("webhook") && repoSlug) await listHooks(input.apiUrl, credential, workspace, repoSlug);
  } catch (error) {
    onFields(error, { rejected: "token_rejected", notFound: field });
  }
  return { label: describeResource(input.resource), account: null };
}

/**
 * Proves an API token with its email: an email (a username is the common mistake, and
 * Bitbucket answers it with a bare 401), accepted by Bitbucket, with the scopes to read the
 * account, its workspaces, their repositories and (when needed) hooks.
 */
export async function verifyApiToken(input: { apiUrl: string; email: string; token: string; scopes: readonly string[] }): Promise<TokenIdentity> {
  if (!input.email.includes("@")) throw new AppError("api_token_email_is_username", { field: "email" });
  if (input.token.startsWith(ACCESS_TOKEN_PREFIX)) throw new AppError("api_token_is_access_token", { field: "token" });
  const credential = apiTokenCredential({ email: input.email, token: input.token, account: null, expiresAt: null });
  try {
    const user = await getCurrentUser(input.apiUrl, credential);
    const workspaces = await listWorkspaces(input.apiUrl, credential, { pagelen: 1 });
    const first = workspaces.values[0]?.workspace.slug;
    if (first) {
      const repos = await listRepositories(input.apiUrl, credential, first, { pagelen: 1 });
      const slug = repos.values[0]?.slug;
      if (slug && expandScopes(input.scopes).has("webhook")) await listHooks(input.apiUrl, credential, first, slug);
    }
    const name = user.display_name ?? user.nickname ?? input.email;
    return {
      label: name,
      account: { uuid: user.uuid, displayName: user.display_name ?? null, nickname: user.nickname ?? null, avatarUrl: user.links?.avatar?.href ?? null },
    };
  } catch (error) {
    onFields(error, { rejected: "api_token_rejected", notFound: "token" });
  }
}
