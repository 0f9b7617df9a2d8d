import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/projects/events";

const EVENT_KEYS = WEBHOOK_EVENTS.map((e) => e.key) as [string, ...string[]];

export const SUBSCRIPTION_STATUSES = ["active", "failing"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const parseSubscriptionStatus = (value: string): SubscriptionStatus => (value === "failing" ? "failing" : "active");

export const addSubscriptionInput = z.object({
  projectId: z.string().min(1),
  /** "project": this project's deliveries only; "organization": every project's. */
  scope: z.enum(["project", "organization"], { error: "Choose which deliveries to forward." }),
  targetUrl: z.string().trim().min(1, { error: "Enter the URL of your service." }).max(2000, { error: "Use a URL of at most 2000 characters." }),
  events: z.array(z.enum(EVENT_KEYS, { error: "Unknown webhook event." })).min(1, { error: "Choose at least one event." }),
});
export type AddSubscriptionInput = z.infer<typeof addSubscriptionInput>;

export const subscriptionInput = z.object({ subscriptionId: z.string().min(1) });
export const redeliverInput = z.object({ projectId: z.string().min(1), deliveryId: z.string().min(1), subscriptionId: z.string().min(1) });
