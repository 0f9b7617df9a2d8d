import "server-only";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { outboundFetch } from "@/lib/http/outbound";
import { clientCredentials, TokenEndpointError, type ConsumerCredentials } from "./oauth";

export type ConsumerCheck = ConsumerCredentials & { apiUrl: string };
export type ConsumerKind = "private" | "public";

/** Network failures name the field whose host failed; other errors pass through. */
async function onField<T>(field: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw isAppError(error) && !error.field ? error.withField(field) : error;
  }
}

/** An OAuth token endpoint answers an empty request with a JSON `error`; other sites do not. */
async function checkHost(hostUrl: string): Promise<void> {
  const response = await onField("hostUrl", () =>
    outboundFetch(`${hostUrl}/site/oauth2/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    }),
  );
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (typeof body?.error !== "string") throw new AppError("host_not_bitbucket", { field: "hostUrl" });
}

/** Bitbucket's 2.0 API answers an unauthenticated /user with 401 and its error envelope. */
async function checkApi(apiUrl: string): Promise<void> {
  const response = await onField("apiUrl", () => outboundFetch(`${apiUrl}/user`, { headers: { accept: "application/json" } }));
  const body = (await response.json().catch(() => null)) as { type?: unknown } | null;
  if (response.status !== 401 || body?.type !== "error") throw new AppError("api_not_bitbucket", { field: "apiUrl" });
}

/**
 * Bitbucket answers `unauthorized_client` for a wrong key and a wrong secret alike; its
 * authorize page tells them apart (an unknown client id gets an error page, a known one
 * a redirect to log in or to consent).
 */
async function keyIsKnown(hostUrl: string, clientId: string): Promise<boolean> {
  const url = `${hostUrl}/site/oauth2/authorize?${new URLSearchParams({ client_id: clientId, response_type: "code" })}`;
  const response = await onField("hostUrl", () => outboundFetch(url));
  await response.body?.cancel();
  return response.status < 400;
}

/**
 * Proves what can be proved before any redirect: the Host URL is a Bitbucket OAuth
 * server, the API URL is Bitbucket's 2.0 API, and the key and secret belong together
 * (a client_credentials grant; a public consumer refuses that grant only after
 * authenticating the client). Each failure names the field to fix.
 */
export async function verifyConsumer(check: ConsumerCheck): Promise<ConsumerKind> {
  await checkHost(check.hostUrl);
  await checkApi(check.apiUrl);
  try {
    await onField("hostUrl", () => clientCredentials(check));
    return "private";
  } catch (error) {
    if (!(error instanceof TokenEndpointError)) throw error;
    if (error.error === "invalid_grant" && /public/i.test(error.description)) return "public";
    if (error.error === "invalid_request" && /callback/i.test(error.description)) throw new AppError("consumer_no_callback");
    if (error.error === "unauthorized_client" || error.error === "invalid_client") {
      throw (await keyIsKnown(check.hostUrl, check.clientId))
        ? new AppError("consumer_secret_wrong", { field: "clientSecret" })
        : new AppError("consumer_key_unknown", { field: "clientId" });
    }
    throw new AppError("bitbucket_unexpected_response", { detail: `token endpoint: ${error.error}` });
  }
}
