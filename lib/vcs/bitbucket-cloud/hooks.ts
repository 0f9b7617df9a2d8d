import "server-only";
import { getAllPages, pathSegment, requestJson, type ApiAuth } from "./api-client";
import { hookSchema, type BitbucketHook } from "./schemas";

export type HookInput = { description: string; url: string; active: boolean; events: string[]; secret: string };

const hooksUrl = (apiUrl: string, workspace: string, slug: string) =>
  `${apiUrl}/repositories/${pathSegment(workspace, "workspace")}/${pathSegment(slug, "repository")}/hooks`;
const hookUrl = (apiUrl: string, workspace: string, slug: string, uuid: string) =>
  `${hooksUrl(apiUrl, workspace, slug)}/${encodeURIComponent(uuid)}`;

// A repository has a handful of hooks; the cap only guards against an endless `next`.
const MAX_HOOK_PAGES = 10;

export function listHooks(apiUrl: string, token: ApiAuth, workspace: string, slug: string): Promise<BitbucketHook[]> {
  return getAllPages(hooksUrl(apiUrl, workspace, slug), token, hookSchema, MAX_HOOK_PAGES);
}

export function createHook(apiUrl: string, token: ApiAuth, workspace: string, slug: string, hook: HookInput): Promise<BitbucketHook> {
  return requestJson("POST", hooksUrl(apiUrl, workspace, slug), token, { body: hook, schema: hookSchema });
}

export function updateHook(apiUrl: string, token: ApiAuth, workspace: string, slug: string, uuid: string, hook: HookInput): Promise<BitbucketHook> {
  return requestJson("PUT", hookUrl(apiUrl, workspace, slug, uuid), token, { body: hook, schema: hookSchema });
}

export async function deleteHook(apiUrl: string, token: ApiAuth, workspace: string, slug: string, uuid: string): Promise<void> {
  await requestJson("DELETE", hookUrl(apiUrl, workspace, slug, uuid), token);
}
