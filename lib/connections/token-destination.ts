/**
 * Which hosts a connection's tokens go to, in words for the Connect button and the
 * cross-site confirmation: the Host URL issues them, the API URL receives them on every call.
 */
export function tokenDestination(hostUrl: string, apiUrl: string): string {
  const issuer = new URL(hostUrl).host;
  const api = new URL(apiUrl).host;
  return issuer === api ? `Tokens are issued by ${issuer} and sent only to ${issuer}.` : `Tokens are issued by ${issuer} and sent only to ${api}.`;
}
