import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TokenEndpointError } from "./oauth";

/**
 * What a refusal from Bitbucket's token endpoint means, as an error code, per grant type.
 * Bitbucket says `unauthorized_client` / `invalid_client` when it no longer accepts the
 * consumer's key and secret; `invalid_grant` for a spent or revoked code or refresh token
 * (and `invalid_request` for a bad refresh token before May 2026).
 */
export function tokenEndpointFailure(error: TokenEndpointError, grant: "authorization_code" | "refresh_token"): AppError {
  if (error.error === "unauthorized_client" || error.error === "invalid_client") return new AppError("consumer_secret_wrong", { cause: error });
  if (grant === "authorization_code") {
    if (error.error === "invalid_grant") return new AppError("authorization_code_invalid", { cause: error });
    return new AppError("authorization_failed", { detail: error.error, cause: error });
  }
  if (error.error === "invalid_grant" || error.error === "invalid_request") return new AppError("grant_revoked", { cause: error });
  return new AppError("bitbucket_unexpected_response", { cause: error });
}
