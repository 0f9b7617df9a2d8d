import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the code around an outbound call knows and outboundFetch does not: by when the
 * whole piece of work must finish (a health check's deadline), and whom to tell about
 * each call made (a Bitbucket consumer's call counter). Nested contexts add to outer ones.
 */
export type CallContext = {
  /** Epoch ms after which no call starts and a running one is cut short. */
  deadline?: number;
  /** Told of every response (its status) or failure (null), awaited before the caller continues. */
  onCall?: (status: number | null) => Promise<void> | void;
};

const storage = new AsyncLocalStorage<CallContext>();

export function withCallContext<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  const outer = storage.getStore();
  const deadlines = [outer?.deadline, context.deadline].filter((d): d is number => d !== undefined);
  const merged: CallContext = {
    deadline: deadlines.length > 0 ? Math.min(...deadlines) : undefined,
    onCall: context.onCall ?? outer?.onCall,
  };
  return storage.run(merged, run);
}

export const currentCallContext = (): CallContext | undefined => storage.getStore();
