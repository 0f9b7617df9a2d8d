import "server-only";
import nodemailer from "nodemailer";
import { openSecret } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { outboundFetch } from "@/lib/http/outbound";
import type { AlertBody } from "./catalog";
import { destinationSealContext } from "./seal-context";
import { renderEmail, renderWebhook, SIGNATURE_HEADER, signJson, type WebhookFormat } from "./render";

export type SealedDestination = {
  id: string;
  kind: string;
  format: string | null;
  urlSealed: string | null;
  email: string | null;
  secretSealed: string | null;
};

export { destinationSealContext };

let transport: nodemailer.Transporter | null = null;

/** One SMTP transport per process, from the environment; null when e-mail is not configured. */
function mailer() {
  const config = env();
  if (!config.SMTP_HOST) return null;
  transport ??= nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: config.OUTBOUND_TIMEOUT_SECONDS * 1000,
    greetingTimeout: config.OUTBOUND_TIMEOUT_SECONDS * 1000,
    socketTimeout: config.OUTBOUND_TIMEOUT_SECONDS * 1000,
  });
  return transport;
}

export const emailConfigured = () => Boolean(env().SMTP_HOST);

/**
 * Sends one alert to one destination. Webhooks go through the outbound guard like every
 * call to another host; a non-2xx answer is a failure (retried by the caller). Throws
 * AppErrors whose detail names the host or the SMTP answer, never the URL's secret path.
 */
export async function sendToDestination(destination: SealedDestination, alert: AlertBody, alertId: string): Promise<void> {
  if (destination.kind === "email") {
    const transporter = mailer();
    if (!transporter) throw new AppError("alert_email_not_configured");
    const mail = renderEmail(alert);
    try {
      await transporter.sendMail({ from: env().SMTP_FROM, to: destination.email!, subject: mail.subject, text: mail.text, html: mail.html, headers: { "X-Alert-Id": alertId } });
    } catch (error) {
      throw new AppError("alert_delivery_failed", { detail: `SMTP: ${error instanceof Error ? error.message.slice(0, 160) : "failed"}`, cause: error });
    }
    return;
  }
  const url = openSecret(destination.urlSealed!, destinationSealContext.url(destination.id));
  const format = (destination.format ?? "json") as WebhookFormat;
  const body = renderWebhook(alert, format);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "vcs-connect-alerts", "x-vcs-connect-alert-id": alertId };
  if (format === "json" && destination.secretSealed) headers[SIGNATURE_HEADER] = signJson(body, openSecret(destination.secretSealed, destinationSealContext.secret(destination.id)));
  let response: Response | Awaited<ReturnType<typeof outboundFetch>>;
  try {
    response = await outboundFetch(url, { method: "POST", headers, body });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError("alert_delivery_failed", { detail: new URL(url).host, cause: error });
  }
  if (!response.ok) throw new AppError("alert_delivery_failed", { detail: `${new URL(url).host} answered ${response.status}` });
}
