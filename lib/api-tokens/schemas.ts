import { z } from "zod";
import { API_SCOPES } from "@/lib/access/permissions";

// The inputs the tokens page, the token command and any later entry point validate.

export const apiTokenName = z
  .string()
  .trim()
  .min(1, { error: "Name is required: say what will use the token, such as “Terraform CI”." })
  .max(80, { error: "Name is at most 80 characters." });

/** Terms offered on the tokens page; the API and the command accept any whole number of days up to a year. */
export const EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;

/** Days until the token expires, or "never", which must be chosen explicitly. */
export const apiTokenExpiry = z
  .union([
    z.literal("never"),
    z.coerce
      .number({ error: "Expiry is a number of days from 1 to 365, or “never”." })
      .int({ error: "Expiry is a whole number of days." })
      .min(1, { error: "Expiry is at least 1 day." })
      .max(365, { error: "Expiry is at most 365 days; choose “never” explicitly for a token without one." }),
  ])
  .default(DEFAULT_EXPIRY_DAYS);

export const apiTokenScopes = z
  .array(z.enum(API_SCOPES, { error: `Scopes are ${API_SCOPES.join(", ")}.` }))
  .min(1, { error: "Choose at least one scope: what may the token do?" })
  .default(["connections:read"]);

export const createApiTokenInput = z.object({
  name: apiTokenName,
  expiresInDays: apiTokenExpiry,
  scopes: apiTokenScopes,
  /** Limit the token to these connections; absent or null for all of the organization's. */
  connectionIds: z
    .array(z.string().trim().min(1))
    .min(1, { error: "Choose at least one connection, or allow all of them." })
    .max(100)
    .nullish(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ id: z.string().trim().min(1, { error: "Which token? The id is missing." }) });

/** Every token starts with this, so secret scanners and people can tell what it is. */
export const API_TOKEN_PREFIX = "vcsc_";

/** How much of a token stays visible (in lists and audit events) to tell tokens apart. */
export const VISIBLE_PREFIX_LENGTH = 12;
