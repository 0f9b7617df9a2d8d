// Reply values handlers return, and small HTTP helpers (bodies, cookies, forms).
import type { IncomingMessage } from "node:http";
import type { SafeHtml } from "./html.js";

export type Headers = Record<string, string | string[]>;

export type Reply =
  | { kind: "send"; status: number; headers: Headers; body: string | Buffer }
  /** Destroy the socket without answering (network-failure fault). */
  | { kind: "drop" };

export function json(status: number, value: unknown, headers: Headers = {}): Reply {
  return {
    kind: "send", status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

export function htmlReply(status: number, page: SafeHtml | string, headers: Headers = {}): Reply {
  return {
    kind: "send", status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
    body: String(page),
  };
}

export function text(status: number, body: string, contentType = "text/plain; charset=utf-8", headers: Headers = {}): Reply {
  return { kind: "send", status, headers: { "content-type": contentType, ...headers }, body };
}

export function redirect(location: string, headers: Headers = {}): Reply {
  return { kind: "send", status: 302, headers: { location, "cache-control": "no-store", ...headers }, body: "" };
}

export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/** Adds (or appends) a header value to a reply. */
export function withHeader(reply: Reply, name: string, value: string): Reply {
  if (reply.kind !== "send") return reply;
  const prev = reply.headers[name];
  const next = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  return { ...reply, headers: { ...reply.headers, [name]: next } };
}

/** Form field accessor that tolerates repeated fields. */
export class Form {
  constructor(readonly params: URLSearchParams) {}
  static parse(body: Buffer): Form {
    return new Form(new URLSearchParams(body.toString("utf8")));
  }
  get(name: string): string {
    return this.params.get(name) ?? "";
  }
  has(name: string): boolean {
    return this.params.has(name);
  }
  all(name: string): string[] {
    return this.params.getAll(name);
  }
}
