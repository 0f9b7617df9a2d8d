import { createHmac } from "node:crypto";
import type { AlertBody } from "./catalog";

/**
 * How an alert looks in each destination. Pure. Slack's incoming webhooks take Block Kit
 * (`text` is the notification fallback); Microsoft Teams' workflow webhooks take an
 * Adaptive Card in a message; "json" is the alert itself, signed.
 */
export const WEBHOOK_FORMATS = ["slack", "teams", "json"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const OPEN_LABEL = "Open in vcs-connect";
const where = (alert: AlertBody) => (alert.connection ? `${alert.organization.name} · ${alert.connection.name}` : alert.organization.name);

/** Slack mrkdwn treats &, < and > as markup. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderSlack(alert: AlertBody) {
  const lines = [`*${slackEscape(alert.title)}*`, slackEscape(alert.happened)];
  if (alert.fix) lines.push(`*Fix:* ${slackEscape(alert.fix)}`);
  return {
    text: `${alert.title} (${where(alert)}): ${alert.link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: OPEN_LABEL }, url: alert.link }] },
      { type: "context", elements: [{ type: "mrkdwn", text: `${slackEscape(where(alert))} · <${alert.link}|${slackEscape(alert.link)}>` }] },
    ],
  };
}

export function renderTeams(alert: AlertBody) {
  const body: object[] = [
    { type: "TextBlock", text: alert.title, weight: "Bolder", size: "Medium", wrap: true, color: alert.severity === "bad" ? "Attention" : alert.severity === "warning" ? "Warning" : "Default" },
    { type: "TextBlock", text: where(alert), isSubtle: true, spacing: "None", wrap: true },
    { type: "TextBlock", text: alert.happened, wrap: true },
  ];
  if (alert.fix) body.push({ type: "TextBlock", text: `**Fix:** ${alert.fix}`, wrap: true });
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [{ type: "Action.OpenUrl", title: OPEN_LABEL, url: alert.link }],
        },
      },
    ],
  };
}

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` for "json" destinations. */
export const SIGNATURE_HEADER = "x-vcs-connect-signature";

export function signJson(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export function renderWebhook(alert: AlertBody, format: WebhookFormat): string {
  if (format === "slack") return JSON.stringify(renderSlack(alert));
  if (format === "teams") return JSON.stringify(renderTeams(alert));
  return JSON.stringify(alert);
}

export function renderEmail(alert: AlertBody) {
  const lines = [alert.happened, "", ...(alert.fix ? [`Fix: ${alert.fix}`, ""] : []), `${OPEN_LABEL}: ${alert.link}`, "", `— ${where(alert)}`];
  const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return {
    subject: `[${alert.organization.name}] ${alert.title}`,
    text: lines.join("\n"),
    html: [
      `<p><strong>${html(alert.title)}</strong></p>`,
      `<p>${html(alert.happened)}</p>`,
      alert.fix ? `<p><strong>Fix:</strong> ${html(alert.fix)}</p>` : "",
      `<p><a href="${html(alert.link)}">${OPEN_LABEL}</a></p>`,
      `<p style="color:#64748b">${html(where(alert))}</p>`,
    ].join(""),
  };
}
