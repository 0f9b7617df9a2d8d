import "server-only";
import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { Agent, fetch, Response, type RequestInit } from "undici";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { ipLiteralHost, isPrivateAddress } from "./address-policy";
import { currentCallContext } from "./call-context";
import { isAllowedPrivateOrigin } from "./private-origins";

class BlockedAddressError extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// The address check runs when the connection is made, on the addresses actually dialled,
// so a name that resolves to a public address at validation and a private one later
// (DNS rebinding) is still refused.
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.some((entry) => isPrivateAddress(entry.address))) {
      return callback(new BlockedAddressError(hostname), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first!.address, first!.family);
  });
}

const publicOnlyAgent = new Agent({ connect: { lookup: publicOnlyLookup } });
const anyAddressAgent = new Agent();

export type OutboundInit = Omit<RequestInit, "redirect" | "signal" | "dispatcher"> & {
  /** Defaults to OUTBOUND_TIMEOUT_SECONDS. */
  timeoutMs?: number;
  /** Defaults to whether the URL's origin is in ALLOWED_PRIVATE_ORIGINS. */
  allowPrivateNetwork?: boolean;
  /** Defaults to OUTBOUND_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
};

// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Reads the whole body up to a cap, so no host can make this server buffer without
 * limit, then hands callers an ordinary Response over the bytes read.
 */
async function capped(response: Response, host: string, maxBytes: number): Promise<Response> {
  const tooLarge = () => new AppError("response_too_large", { detail: `${host}, over ${maxBytes} bytes` });
  if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  }
  const body = NULL_BODY.has(response.status) ? null : Buffer.concat(chunks, size);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The one way the server calls other hosts. Every call has a timeout; redirects are
 * never followed (one could carry credentials to a host nobody configured); loopback and
 * private-network addresses are refused unless ALLOWED_PRIVATE_ORIGINS lists the URL's
 * origin; bodies are read whole up to OUTBOUND_MAX_RESPONSE_BYTES.
 * Failures become AppErrors naming the host, never the request's credentials.
 */
export async function outboundFetch(url: string, init: OutboundInit = {}): Promise<Response> {
  const {
    timeoutMs: requestedMs = env().OUTBOUND_TIMEOUT_SECONDS * 1000,
    allowPrivateNetwork,
    maxResponseBytes = env().OUTBOUND_MAX_RESPONSE_BYTES,
    ...rest
  } = init;
  const target = new URL(url);
  const allowPrivate = allowPrivateNetwork ?? isAllowedPrivateOrigin(target, env().ALLOWED_PRIVATE_ORIGINS);
  const literal = ipLiteralHost(target);
  if (!allowPrivate && literal && isPrivateAddress(literal)) {
    throw new AppError("url_not_allowed", { detail: target.host });
  }
  const context = currentCallContext();
  // A deadline around the call (a health check's) shortens its timeout.
  const timeoutMs = context?.deadline === undefined ? requestedMs : Math.min(requestedMs, context.deadline - Date.now());
  if (timeoutMs <= 0) throw new AppError("host_timeout", { detail: `${target.host}, deadline passed` });
  let answered = false;
  try {
    const response = await fetch(target, {
      ...rest,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      dispatcher: allowPrivate ? anyAddressAgent : publicOnlyAgent,
    });
    answered = true;
    await context?.onCall?.(response.status);
    return await capped(response, target.host, maxResponseBytes);
  } catch (error) {
    if (!answered) await context?.onCall?.(null);
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === "TimeoutError") {
      throw new AppError("host_timeout", { detail: `${target.host}, ${Math.round(timeoutMs) / 1000} s`, cause: error });
    }
    if (error instanceof Error && error.cause instanceof BlockedAddressError) {
      throw new AppError("url_not_allowed", { detail: target.host });
    }
    throw new AppError("host_unreachable", { detail: target.host, cause: error });
  }
}
