// Per-request context handed to route handlers, and the emulator's shared core.
import type { IncomingMessage } from "node:http";
import type { OffsetClock } from "./clock.js";
import type { FaultQueue, Stats } from "./faults.js";
import type { Store } from "./store.js";
import type { WebhookDispatcher } from "./webhooks/dispatcher.js";

export interface Core {
  store: Store;
  clock: OffsetClock;
  faults: FaultQueue;
  stats: Stats;
  webhooks: WebhookDispatcher;
  /** Origin every absolute link is built from, without a trailing slash. */
  publicUrl: string;
}

export interface Ctx {
  core: Core;
  req: IncomingMessage;
  method: string;
  /** Request URL resolved against the public URL. */
  url: URL;
  params: Record<string, string>;
  cookies: Map<string, string>;
  /** Set-Cookie values the server adds to whatever reply the handler returns. */
  setCookies: string[];
  body(): Promise<Buffer>;
}

export function absolute(core: Core, path: string): string {
  return `${core.publicUrl}${path}`;
}
