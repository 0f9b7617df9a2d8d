export const SIGN_IN_PATH = "/signin";

/** Auth.js's database-session cookie (the __Secure- name is used over https). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
export const DEFAULT_RETURN_PATH = "/dashboard";

/**
 * Where to go after sign-in. Only same-site paths: anything else ("//evil.example",
 * "https://…", "/\\evil") would turn sign-in into an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return DEFAULT_RETURN_PATH;
  if (value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return DEFAULT_RETURN_PATH;
  return value;
}
