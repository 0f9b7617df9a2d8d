import { z } from "zod";
import { DEFAULT_EVENTS, WEBHOOK_EVENTS } from "./events";

export { DEFAULT_EVENTS, WEBHOOK_EVENTS } from "./events";
const EVENT_KEYS = WEBHOOK_EVENTS.map((e) => e.key) as [string, ...string[]];

export const addProjectsInput = z.object({
  connectionId: z.string().min(1),
  workspace: z.string().trim().min(1, { error: "Choose a workspace." }),
  repositories: z.array(z.string().min(1)).min(1, { error: "Choose at least one repository." }).max(50, { error: "Add at most 50 repositories at a time." }),
  events: z.array(z.enum(EVENT_KEYS, { error: "Unknown webhook event." })).min(1, { error: "Choose at least one event." }).default(DEFAULT_EVENTS),
});
export type AddProjectsInput = z.infer<typeof addProjectsInput>;

export const browseInput = z.object({
  connectionId: z.string().min(1),
  workspace: z.string().trim().optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(["name", "-updated_on"]).default("-updated_on"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type BrowseInput = z.infer<typeof browseInput>;
