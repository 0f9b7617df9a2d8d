// startEmulator(): one HTTP server for the host pages, /site/oauth2, /2.0 and /_emulator.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OffsetClock, systemClock } from "./clock.js";
import type { Core, Ctx } from "./context.js";
import { FaultQueue, Stats } from "./faults.js";
import { BodyTooLargeError, htmlReply, json, parseCookies, readBody, type Reply } from "./http.js";
import { errorPage } from "./pages/error.js";
import { loadStateFile, saveStateFile } from "./persist.js";
import { accountRoutes, browseRoutes } from "./routes/account.js";
import { handleApi } from "./routes/api.js";
import { consumerRoutes } from "./routes/consumers.js";
import { credentialRoutes } from "./credentials/routes.js";
import { handleControl } from "./routes/control.js";
import { gitRoutes } from "./routes/git.js";
import { oauthRoutes } from "./routes/oauth.js";
import { repoPushRoutes } from "./routes/repo-push.js";
import { tokenRoutes } from "./routes/token.js";
import { Router } from "./router.js";
import { consumerSeedSchema, describeIssues } from "./schemas.js";
import { findWorkspace } from "./seed.js";
import { Store } from "./store.js";
import type { Clock, ConsumerSeed, Settings } from "./types.js";
import { WebhookDispatcher } from "./webhooks/dispatcher.js";

export type { ConsumerSeed, Settings } from "./types.js";

export interface EmulatorOptions {
  /** 0 = a random free port. Default 4100. */
  port?: number;
  host?: string;
  /** Origin used for every absolute link; default http://{host}:{port}. */
  publicUrl?: string;
  consumers?: ConsumerSeed[];
  stateFile?: string;
  /** Injectable time source, so tests can expire things without sleeping. */
  clock?: Clock;
  /** Start (and reset) values for the settings the control API can change. */
  settings?: Partial<Settings>;
  /** Log each request to stderr. */
  log?: boolean;
}

export interface RunningEmulator {
  url: string;
  apiUrl: string;
  close(): Promise<void>;
}

function validateSeeds(seeds: ConsumerSeed[]): ConsumerSeed[] {
  return seeds.map((seed, i) => {
    const parsed = consumerSeedSchema.safeParse(seed);
    if (!parsed.success) throw new Error(`consumers[${i}]: ${describeIssues(parsed.error)}`);
    if (!findWorkspace(parsed.data.workspace)) {
      throw new Error(`consumers[${i}].workspace: unknown workspace "${parsed.data.workspace}" (use acme, carol-labs or bigco)`);
    }
    return parsed.data;
  });
}

function siteRouter(): Router {
  const r = new Router();
  accountRoutes(r);
  oauthRoutes(r);
  tokenRoutes(r);
  consumerRoutes(r);
  repoPushRoutes(r);
  gitRoutes(r);
  credentialRoutes(r);
  browseRoutes(r);
  return r;
}

function requestUrl(core: Core, req: IncomingMessage): URL {
  const target = req.url ?? "/";
  if (target.startsWith("/")) return new URL(core.publicUrl + target);
  const abs = new URL(target);
  return new URL(core.publicUrl + abs.pathname + abs.search);
}

async function dispatch(ctx: Ctx, site: Router): Promise<Reply> {
  const path = ctx.url.pathname;
  if (path === "/_emulator" || path.startsWith("/_emulator/")) return handleControl(ctx);
  if (path === "/2.0" || path.startsWith("/2.0/")) return handleApi(ctx);
  const m = site.match(ctx.method, path);
  if (m.kind === "found") {
    ctx.params = m.params;
    return m.handler(ctx);
  }
  if (m.kind === "method-not-allowed") {
    return htmlReply(405, errorPage({ title: "Method not allowed", message: `Use ${m.allowed.join(" or ")}.` }), { allow: m.allowed.join(", ") });
  }
  return htmlReply(404, errorPage({ title: "Page not found", message: "There is nothing at this address in the emulator." }));
}

function write(req: IncomingMessage, res: ServerResponse, reply: Reply, setCookies: string[]): void {
  if (reply.kind === "drop") {
    req.socket.destroy();
    return;
  }
  const headers = { ...reply.headers };
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;
  res.writeHead(reply.status, headers);
  res.end(req.method === "HEAD" ? undefined : reply.body);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const seeds = validateSeeds(options.consumers ?? []);
  const clock = new OffsetClock(options.clock ?? systemClock);
  const store = new Store(clock, seeds, options.settings ?? {});
  if (options.stateFile) {
    const state = loadStateFile(options.stateFile);
    if (state) store.loadState(state);
  }
  const core: Core = {
    store, clock, faults: new FaultQueue(), stats: new Stats(), webhooks: new WebhookDispatcher(store, clock), publicUrl: "",
  };
  const site = siteRouter();

  const persist = () => {
    if (store.dirty && options.stateFile) saveStateFile(options.stateFile, store.toState());
    store.dirty = false;
  };
  persist();

  const server = createServer((req, res) => {
    void (async () => {
      const setCookies: string[] = [];
      let reply: Reply;
      try {
        let cached: Promise<Buffer> | undefined;
        const ctx: Ctx = {
          core, req, method: (req.method ?? "GET").toUpperCase(), url: requestUrl(core, req), params: {},
          cookies: parseCookies(req.headers.cookie), setCookies, body: () => (cached ??= readBody(req)),
        };
        reply = await dispatch(ctx, site);
        persist();
      } catch (e) {
        if (e instanceof BodyTooLargeError) reply = json(413, { error: e.message });
        else {
          console.error("[emulator] request failed:", e);
          reply = json(500, { type: "error", error: { message: "Internal emulator error" } });
        }
      }
      if (options.log) console.error(`[emulator] ${req.method} ${req.url} -> ${reply.kind === "send" ? reply.status : "dropped"}`);
      if (!res.destroyed) write(req, res, reply, setCookies);
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4100, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  core.publicUrl = (options.publicUrl ?? `http://${hostPart}:${port}`).replace(/\/+$/, "");

  return {
    url: core.publicUrl,
    apiUrl: `${core.publicUrl}/2.0`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        core.webhooks.cancelAll();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
