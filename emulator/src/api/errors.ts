import { json, type Reply } from "../http.js";

/** Bitbucket's API error shape: {"type":"error","error":{"message", "detail"?}}. */
export function apiError(status: number, message: string, detail?: unknown, headers: Record<string, string> = {}): Reply {
  const error: Record<string, unknown> = { message };
  if (detail !== undefined) error.detail = detail;
  return json(status, { type: "error", error }, headers);
}

export const TOKEN_INVALID = "Token is invalid, expired, or not supported for this endpoint.";
export const TOKEN_EXPIRED = "Access token expired. Use your refresh token to obtain a new access token.";
export const SCOPES_MISSING = "Your credentials lack one or more required privilege scopes.";
