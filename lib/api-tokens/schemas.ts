import { z } from "zod";

// The inputs the tokens page (and any later entry point) validates.

export const apiTokenName = z
  .string()
  .trim()
  .min(1, { error: "Name is required: say what will use the token, such as “Terraform CI”." })
  .max(80, { error: "Name is at most 80 characters." });

export const createApiTokenInput = z.object({ name: apiTokenName });

export const revokeApiTokenInput = z.object({ id: z.string().trim().min(1, { error: "Which token? The id is missing." }) });

/** Every token starts with this, so secret scanners and people can tell what it is. */
export const API_TOKEN_PREFIX = "vcsc_";

/** How much of a token stays visible (in lists and audit events) to tell tokens apart. */
export const VISIBLE_PREFIX_LENGTH = 12;
