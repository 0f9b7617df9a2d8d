/** Every error code the product reports, with what happened and what to do about it. */
export const errorCatalog = {
  bitbucket_unreachable: {
    status: 502,
    message: "Bitbucket did not answer.",
    hint: "Check that the Host URL and API URL are right and reachable from this server, then try again.",
  },
  bitbucket_unexpected_response: {
    status: 502,
    message: "Bitbucket answered in a way this app does not recognise.",
    hint: "Check that the API URL points at Bitbucket's 2.0 API (for Bitbucket Cloud: https://api.bitbucket.org/2.0).",
  },
  bitbucket_token_rejected: {
    status: 401,
    message: "Bitbucket rejected the access token.",
    hint: "Sign in again; if it keeps happening, the consumer may have been deleted or its access revoked.",
  },
  bitbucket_missing_scope: {
    status: 403,
    message: "The Bitbucket consumer lacks a permission this step needs.",
    hint: "Edit the consumer on Bitbucket, tick the missing permission, save, then sign in or reconnect.",
  },
} as const satisfies Record<string, { status: number; message: string; hint: string }>;

export type ErrorCode = keyof typeof errorCatalog;
