import { z } from "zod";
import { WEBHOOK_FORMATS } from "./render";

/** What a person enters to add a destination: a webhook URL with its format, or an e-mail address. */
export const destinationInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("webhook"),
    format: z.enum(WEBHOOK_FORMATS, { error: "Choose Slack, Microsoft Teams or signed JSON." }),
    url: z.string().trim().min(1, { error: "Enter the incoming-webhook URL." }).max(2048, { error: "That URL is too long." }),
  }),
  z.object({
    kind: z.literal("email"),
    email: z.email({ error: "Enter an e-mail address such as ops@example.com." }).max(320),
  }),
]);
export type DestinationInput = z.infer<typeof destinationInput>;

export const expiryWarningInput = z.object({
  days: z.coerce.number({ error: "Enter a number of days." }).int({ error: "Enter whole days." }).min(1, { error: "At least 1 day." }).max(90, { error: "At most 90 days." }),
});
