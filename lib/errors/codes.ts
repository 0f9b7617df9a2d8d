/** Every error code the product reports, with what happened and what to do about it. */
type Entry = { status: number; message: string; hint: string };

export const errorCatalog = {
  // Requests
  invalid_input: { status: 422, message: "Some values are not valid.", hint: "Correct the highlighted field and try again." },
  unauthenticated: { status: 401, message: "Sign in first.", hint: "Send a valid API token as `Authorization: Bearer <token>`, or sign in." },
  forbidden: { status: 403, message: "Your role does not allow this.", hint: "Ask an owner or admin of the organization." },
  not_found: { status: 404, message: "Not found.", hint: "Check the organization and the identifier." },
  name_taken: { status: 409, message: "That name is already used in this organization.", hint: "Choose another name." },
  slug_taken: { status: 409, message: "That address is already taken.", hint: "Choose another organization slug." },
  instance_owner_only: {
    status: 403,
    message: "Only the instance owner creates organizations.",
    hint: "Ask the instance owner (the first person who signed in here) to create one and add you to it.",
  },
  last_owner: { status: 409, message: "An organization keeps at least one owner.", hint: "Make someone else an owner first, then change this role." },
  // People: removal, leaving, the instance owner, blocked users
  owner_removal_forbidden: { status: 403, message: "Only an owner can remove an owner.", hint: "Ask one of the organization's owners." },
  last_owner_removal: {
    status: 409,
    message: "An organization keeps at least one owner.",
    hint: "Make someone else an owner first, then remove or leave.",
  },
  instance_owner_required: {
    status: 403,
    message: "Only the instance owner can do this.",
    hint: "Ask the instance owner; Settings → Authentication names them.",
  },
  instance_owner_protected: {
    status: 409,
    message: "The instance owner cannot be blocked.",
    hint: "Make someone else the instance owner first.",
  },
  user_blocked: {
    status: 409,
    message: "This person is blocked from signing in here.",
    hint: "The instance owner can unblock them under Settings → Users.",
  },
  invalid_state_change: { status: 409, message: "The connection is not in a state that allows this.", hint: "Reload the page to see its current state." },

  // API tokens and using a connection from other services
  token_expired: {
    status: 401,
    message: "This API token has expired.",
    hint: "Create a new token in Settings → API tokens (or with `npm run token:create`) and replace the expired one where it is used. Choose a longer expiry, or none, if this one was too short.",
  },
  token_scope_missing: {
    status: 403,
    message: "This API token was not given the scope this request needs.",
    hint: "A token's scopes are fixed when it is created: create one with the scope in brackets in Settings → API tokens, and revoke this one if it is no longer needed.",
  },
  token_connection_not_allowed: {
    status: 403,
    message: "This API token is limited to other connections.",
    hint: "Use a token made for this connection, or create one in Settings → API tokens that includes it.",
  },
  connection_not_connected: {
    status: 409,
    message: "This connection is not connected to Bitbucket, so it has no token to give.",
    hint: "An admin opens the connection's page in vcs-connect and chooses Connect, then grants access on Bitbucket.",
  },
  connection_missing_permissions: {
    status: 409,
    message: "This connection lacks Bitbucket permissions it was set up to have.",
    hint: "Edit the OAuth consumer on Bitbucket, tick the permissions named in brackets, save, then choose Reconnect on the connection's page.",
  },
  proxy_path_invalid: {
    status: 422,
    message: "This path is not one of the connection's Bitbucket API paths.",
    hint: "Send a path relative to the API URL, such as `repositories/acme/api/refs/branches`: no `..`, no scheme or host, no encoded slashes.",
  },
  proxy_response_too_large: {
    status: 502,
    message: "Bitbucket's answer is larger than the proxy passes on.",
    hint: "Ask for less: page with `pagelen`, or narrow the request. An operator can raise PROXY_MAX_RESPONSE_BYTES.",
  },
  proxy_body_too_large: {
    status: 413,
    message: "The body is larger than the proxy forwards.",
    hint: "Send a smaller body. An operator can raise PROXY_MAX_REQUEST_BYTES.",
  },

  // Webhook receiver
  payload_too_large: { status: 413, message: "The delivery is larger than this receiver accepts.", hint: "Bitbucket does not send payloads over 256 KB; anything larger is not from Bitbucket." },
  request_uuid_missing: {
    status: 400,
    message: "The delivery has no X-Request-UUID header.",
    hint: "Bitbucket sends one with every delivery; without it a captured delivery could be replayed.",
  },
  request_too_large: {
    status: 413,
    message: "The request body is larger than this API accepts.",
    hint: "Send only the documented fields; an operator can raise API_MAX_BODY_BYTES.",
  },
  rate_limited: {
    status: 429,
    message: "Too many requests in the last minute.",
    hint: "Wait a minute (the Retry-After header says exactly how long), then try again.",
  },
  webhook_unknown: { status: 404, message: "No webhook here.", hint: "The project may have been removed; its hook on Bitbucket should have been removed with it." },
  signature_invalid: { status: 401, message: "The delivery's X-Hub-Signature is missing or does not match its body.", hint: "Only Bitbucket, with this hook's secret, can send deliveries here." },
  connection_in_use: {
    status: 409,
    message: "Projects still use this connection.",
    hint: "Confirm that their projects (and their webhooks on Bitbucket) should be removed too, then delete again.",
  },

  // Forwarding to subscribers
  subscriber_rejected: {
    status: 502,
    message: "The subscriber answered with an error status.",
    hint: "Check the service's logs: it must answer 2xx to a request whose X-VCS-Connect-Signature verifies. Redirects are not followed.",
  },
  subscription_limit: { status: 409, message: "This organization has as many subscriptions as it may have.", hint: "Remove one you no longer use, then add this one." },

  // Outbound URLs and hosts
  url_invalid: { status: 422, message: "This is not a usable https URL.", hint: "Enter a full https:// address without a user name, password or fragment." },
  // The same refusal where http:// and loopback/private hosts are allowed (a sandbox, say).
  url_invalid_http_allowed: {
    status: 422,
    message: "This is not a usable https URL, or an http:// origin this server allows.",
    hint: "Enter a full https:// address. http:// works only for the origins the operator allowed (ALLOWED_PRIVATE_ORIGINS, such as the bundled sandbox). Leave out any user name, password, query or fragment.",
  },
  url_not_allowed: {
    status: 422,
    message: "This address is on a loopback or private network, which this server does not call.",
    hint: "Use the public address. An operator can allow one private origin (a sandbox or test host) by adding it to ALLOWED_PRIVATE_ORIGINS, such as http://127.0.0.1:4100.",
  },
  host_unreachable: { status: 502, message: "The host did not answer.", hint: "Check the address and that this server can reach it (DNS, firewall, IP allowlist), then try again." },
  response_too_large: {
    status: 502,
    message: "The host sent a larger answer than this server reads.",
    hint: "Check that the URL points at Bitbucket; its answers are far smaller. An operator can raise OUTBOUND_MAX_RESPONSE_BYTES.",
  },
  host_timeout: { status: 504, message: "The host did not answer in time.", hint: "Bitbucket may be slow or down; try again in a moment. If it persists, check network access from this server." },

  // Bitbucket, before and during Connect
  host_not_bitbucket: {
    status: 422,
    message: "The Host URL does not answer like Bitbucket.",
    hint: "For Bitbucket Cloud use https://bitbucket.org. The Host URL is the site people log in to, not the API.",
  },
  api_not_bitbucket: {
    status: 422,
    message: "The API URL does not answer like Bitbucket's 2.0 API.",
    hint: "For Bitbucket Cloud use https://api.bitbucket.org/2.0 (with /2.0 at the end).",
  },
  api_url_not_on_host: {
    status: 422,
    message: "The API URL must belong to the Host URL: access tokens are sent to it.",
    hint: "For Bitbucket Cloud (https://bitbucket.org) use https://api.bitbucket.org/2.0. For another host use its own address or its api. subdomain, such as https://api.example.com/2.0.",
  },
  url_change_owner_only: {
    status: 403,
    message: "Only an owner can change the Host URL or API URL of a connection that is connected.",
    hint: "Its tokens would then go to the new address. Ask an owner of the organization, or keep the URLs and change only the key or secret.",
  },
  connection_changed: {
    status: 409,
    message: "The connection's Host URL, API URL or key changed while you were on Bitbucket, so the tokens Bitbucket issued were not stored.",
    hint: "Choose Connect again to authorize with the connection's current settings.",
  },
  consumer_key_unknown: {
    status: 422,
    message: "Bitbucket does not know this key.",
    hint: "Copy the Key from the consumer's page on Bitbucket (Workspace settings → OAuth consumers); it is about 18 or 32 characters.",
  },
  consumer_secret_wrong: {
    status: 422,
    message: "Bitbucket rejected the secret for this key.",
    hint: "Copy the Secret again from the consumer's page on Bitbucket (click the consumer's name to reveal it). Make sure it belongs to the same consumer as the key.",
  },
  consumer_no_callback: {
    status: 422,
    message: "The consumer on Bitbucket has no callback URL.",
    hint: "Edit the consumer on Bitbucket and paste the callback URL shown in step 2.",
  },
  consent_cancelled: {
    status: 400,
    message: "Access was not granted: Cancel was chosen on Bitbucket.",
    hint: "Choose Connect again and then Grant access.",
  },
  authorization_failed: {
    status: 400,
    message: "Bitbucket did not authorize the connection.",
    hint: "Choose Connect to try again. If it repeats, check the consumer's callback URL on Bitbucket.",
  },
  authorization_code_invalid: {
    status: 400,
    message: "The authorization code was invalid, expired or already used.",
    hint: "Choose Connect to start a new authorization. Do not reload or reuse the callback page.",
  },
  state_invalid: {
    status: 400,
    message: "This authorization response is not valid for this session: its state is missing, expired, already used, or belongs to another session or connection.",
    hint: "Start again from the connection's page with Connect. Nothing was stored.",
  },
  bitbucket_unavailable: {
    status: 503,
    message: "Bitbucket is busy or failing right now (rate limit or server error).",
    hint: "This usually passes on its own; the app retries with back-off. If it lasts, check Bitbucket's status page.",
  },
  grant_revoked: {
    status: 401,
    message: "Bitbucket no longer accepts this connection's authorization: access was revoked, the consumer deleted, or its key changed.",
    hint: "Choose Reconnect and grant access again. The configuration and projects are kept.",
  },
  needs_reauthorization: {
    status: 409,
    message: "This connection must be reconnected before it can be used.",
    hint: "An admin chooses Reconnect on the connection's page and grants access on Bitbucket.",
  },
  bitbucket_forbidden: {
    status: 403,
    message: "The Bitbucket account behind this connection may not do this.",
    hint: "Bitbucket refused the account itself (not the consumer's permissions): the account needs admin rights on the repository, or access to the workspace.",
  },
  bitbucket_not_found: {
    status: 404,
    message: "Bitbucket has no such workspace or repository, or this account cannot see it.",
    hint: "Check the name, and that the connected Bitbucket account has access to it.",
  },
  bitbucket_rejected_request: {
    status: 422,
    message: "Bitbucket refused the request.",
    hint: "Bitbucket's reason is shown in brackets; correct it and try again.",
  },
  bitbucket_unexpected_response: {
    status: 502,
    message: "Bitbucket answered in a way this app does not recognise.",
    hint: "Check that the API URL points at Bitbucket's 2.0 API (for Bitbucket Cloud: https://api.bitbucket.org/2.0).",
  },
  bitbucket_token_rejected: {
    status: 401,
    message: "Bitbucket rejected the access token.",
    hint: "Reconnect. If it keeps happening, the consumer may have been deleted or its access revoked.",
  },
  status_page_unknown: { status: 404, message: "No public status page here.", hint: "Ask the organization's admin for the current address." },
  bitbucket_missing_scope: {
    status: 403,
    message: "The Bitbucket consumer lacks a permission this step needs.",
    hint: "Edit the consumer on Bitbucket (Workspace settings → OAuth consumers), tick the permission named in brackets, save, then Reconnect this connection.",
  },
  // Access tokens and API tokens: setup, replacement and expiry
  token_rejected: {
    status: 401,
    message: "Bitbucket does not accept this access token.",
    hint: "Copy the whole token (Bitbucket shows it once, right after Create). If it has expired or was revoked, create a new one on the Access tokens page linked above.",
  },
  access_token_is_api_token: {
    status: 422,
    message: "This is an API token (it starts with ATATT), not an access token.",
    hint: "Choose API token as what to connect with, or create an access token on the repository's, project's or workspace's Access tokens page.",
  },
  api_token_is_access_token: {
    status: 422,
    message: "This is an access token (it starts with ATCTT), not an API token.",
    hint: "Choose Access token as what to connect with, or create an API token under your Atlassian account's API tokens.",
  },
  token_resource_mismatch: {
    status: 422,
    message: "This token does not belong to that repository, project or workspace.",
    hint: "Access tokens see only their own repository, project or workspace. Correct the name here, or create the token on the Access tokens page linked above.",
  },
  api_token_email_is_username: {
    status: 422,
    message: "This is a username; API tokens work only with your Atlassian account's email address.",
    hint: "Enter the email address you sign in to Atlassian with (the API tokens page shows it), not your Bitbucket username.",
  },
  api_token_rejected: {
    status: 401,
    message: "Bitbucket refused this email and API token.",
    hint: "Check that the token is the one you just created (shown once), that it has not expired, and that the email is the one of the Atlassian account that created it.",
  },
  token_missing_permission: {
    status: 422,
    message: "The token lacks permissions this connection needs.",
    hint: "Bitbucket cannot add permissions to an existing token: create a new one with the permissions listed above ticked, and paste it here.",
  },
  token_expiry_past: {
    status: 422,
    message: "That expiry date has already passed.",
    hint: "Enter the expiry you chose on Bitbucket when you created the token (today or later).",
  },
  bitbucket_token_expired: {
    status: 401,
    message: "The token reached its expiry date, so Bitbucket no longer accepts it.",
    hint: "Create a new token on Bitbucket and choose Replace token on this connection's page. Its projects and webhooks are kept.",
  },
  bitbucket_token_revoked: {
    status: 401,
    message: "Bitbucket no longer accepts this connection's token: it was revoked or deleted.",
    hint: "Create a new token on Bitbucket and choose Replace token on this connection's page. Its projects and webhooks are kept.",
  },
  credential_type_mismatch: {
    status: 409,
    message: "This connection does not use that kind of credential.",
    hint: "A connection keeps the kind it was created with; create a new connection to use another kind.",
  },

  // Credential expiry and alerts
  credential_expired: {
    status: 401,
    message: "This connection's credential has ended: Bitbucket refuses an expired token, and an unused refresh token after 90 days.",
    hint: "Choose Reconnect and grant access again (or replace the token). The configuration and projects are kept.",
  },
  alert_email_not_configured: {
    status: 422,
    message: "E-mail alerts need an SMTP server, and none is configured.",
    hint: "Set SMTP_HOST, SMTP_PORT and SMTP_FROM (and SMTP_USER, SMTP_PASSWORD if the server needs them), then restart.",
  },
  alert_delivery_failed: {
    status: 502,
    message: "The alert could not be delivered.",
    hint: "Check the destination's address; the reason is shown in brackets.",
  },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalog;

export function describeError(code: ErrorCode) {
  const { message, hint } = errorCatalog[code];
  return { code, message, hint };
}
