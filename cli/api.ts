import { CliError, EXIT } from "./errors";
import type { Credentials } from "./config";

type ErrorEnvelope = { error?: { code?: string; message?: string; hint?: string; field?: string } };
type Page<T> = { data: T[]; next?: string | null };

const MAX_PAGES = 1_000;

/** The VCS API, and nothing else: every command goes through here. */
export class VcsApi {
  constructor(readonly credentials: Credentials) {}

  private url(path: string): string {
    if (/^https?:\/\//.test(path)) {
      // A `next` link must stay on this instance: the token goes nowhere else.
      if (new URL(path).origin !== new URL(this.credentials.url).origin) throw new CliError(`The API pointed to another host (${new URL(path).origin}).`, EXIT.refused);
      return path;
    }
    return `${this.credentials.url}${path.startsWith("/api/") ? "" : "/api/v1"}${path}`;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method,
        redirect: "error",
        headers: { authorization: `Bearer ${this.credentials.token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(`Could not reach ${this.credentials.url} (${reason}).`, EXIT.refused, { hint: "Check the URL (vcs-connect login) and that the instance is running." });
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new CliError(`${this.credentials.url} answered ${response.status} with something other than JSON.`, EXIT.refused, { hint: "Is this the address of a vcs-connect instance?" });
    }
    if (!response.ok) {
      const error = (json as ErrorEnvelope | null)?.error;
      throw new CliError(error?.message ?? `The API answered ${response.status}.`, EXIT.refused, {
        hint: error?.hint,
        code: error?.code,
        field: error?.field,
        status: response.status,
      });
    }
    return json as T;
  }

  get = <T>(path: string) => this.request<T>("GET", path);

  /**
   * Every item of a listing, following the API's pagination: `next` is an opaque cursor
   * (sent back as `cursor`) or a link. `max` stops early once that many are in hand.
   */
  async all<T>(path: string, max = Infinity): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let current = path;
    for (let pages = 0; pages < MAX_PAGES; pages += 1) {
      const page = await this.get<Page<T>>(current);
      items.push(...page.data);
      const next = page.next;
      if (!next || items.length >= max) return items.slice(0, max);
      if (seen.has(next)) throw new CliError("The API returned the same page twice.", EXIT.refused);
      seen.add(next);
      current = /^(https?:\/\/|\/)/.test(next) ? next : withQuery(path, { cursor: next });
    }
    throw new CliError(`The listing has more than ${MAX_PAGES} pages.`, EXIT.refused);
  }
}

export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const [base, query] = path.split("?");
  const search = new URLSearchParams(query);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${base}?${text}` : base!;
}
