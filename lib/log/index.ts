import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { redactSecrets } from "./redact";

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  // formatters.log sees each call's object before serializers and JSON: the one place to redact.
  logger ??= pino({ level: env().LOG_LEVEL, formatters: { log: redactSecrets }, base: { service: "vcs-connect" } }, destination);
  return logger;
}

let destination: pino.DestinationStream | undefined;

/** Sends log lines to a stream of the caller's (tests read them back); before the first log() call. */
export function setLogDestination(stream: pino.DestinationStream): void {
  destination = stream;
  logger = undefined;
}
