import { UNREACHABLE } from "@/components/form-failure";
import type { Failure } from "@/lib/errors/to-failure";
import type { BrowseResult } from "@/lib/projects/browse-connection";

export type Sort = "name" | "-updated_on";
export type Workspaces = Extract<BrowseResult, { kind: "workspaces" }>["workspaces"];
export type RepositoryPage = Extract<BrowseResult, { kind: "repositories" }>;

export class BrowseError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** One request to the browse route: a connection's workspaces, or one page of a workspace's repositories. */
export async function browse(orgSlug: string, query: Record<string, string | number | undefined>): Promise<BrowseResult> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/projects/browse?${params}`, { cache: "no-store" });
  } catch {
    throw new BrowseError(UNREACHABLE);
  }
  const body = (await response.json().catch(() => null)) as { data?: BrowseResult; error?: Failure } | null;
  if (!response.ok || !body?.data) throw new BrowseError(body?.error ?? { ...UNREACHABLE, message: `The server answered ${response.status}.` });
  return body.data;
}

export const failureOf = (error: unknown): Failure => (error instanceof BrowseError ? error.failure : UNREACHABLE);
