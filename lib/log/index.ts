import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

// Secrets are never logged on purpose; redaction is the net for the accidental case.
const redact = {
  paths: [
    "*.secret",
    "*.clientSecret",
    "*.client_secret",
    "*.password",
    "*.token",
    "*.accessToken",
    "*.refreshToken",
    "*.access_token",
    "*.refresh_token",
    "*.authorization",
    "*.headers.authorization",
    "*.headers.cookie",
  ],
  censor: "[redacted]",
};

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  logger ??= pino({ level: env().LOG_LEVEL, redact, base: { service: "vcs-connect" } }, destination);
  return logger;
}

let destination: pino.DestinationStream | undefined;

/** Sends log lines to a stream of the caller's (tests read them back); before the first log() call. */
export function setLogDestination(stream: pino.DestinationStream): void {
  destination = stream;
  logger = undefined;
}
