import "server-only";

export const DEFAULT_TIMEOUT_MS = 10_000;

export type OutboundInit = RequestInit & { timeoutMs?: number };

/**
 * The one way the server calls other hosts: every call has a timeout, and redirects
 * are never followed (a redirect could carry credentials to a host nobody configured).
 */
export function outboundFetch(url: string | URL, init: OutboundInit = {}): Promise<Response> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...rest } = init;
  return fetch(url, { ...rest, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
}
