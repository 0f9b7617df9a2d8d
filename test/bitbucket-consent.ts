import { CookieJar, csrf, inputValue, login, type TestEmulator } from "@/emulator/test/helpers";

/**
 * Plays the person on Bitbucket's side of Connect: opens the app's authorize URL, logs
 * in to the emulator, presses Grant access or Cancel, and returns the callback query.
 */
export async function decideOnBitbucket(
  emulator: TestEmulator,
  authorizeUrl: string,
  options: { username?: string; decision?: "grant" | "cancel" } = {},
): Promise<URLSearchParams> {
  const jar = new CookieJar();
  await login(jar, emulator.url, options.username ?? "alice");
  const page = await (await jar.fetch(authorizeUrl)).text();
  const fields: Record<string, string> = { csrf_token: csrf(page), decision: options.decision ?? "grant" };
  for (const name of ["client_id", "response_type", "state", "redirect_uri"]) {
    const value = inputValue(page, name);
    if (value !== undefined) fields[name] = value;
  }
  const response = await jar.post(`${emulator.url}/site/oauth2/authorize`, fields);
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`Bitbucket did not redirect back (HTTP ${response.status})`);
  return new URL(location).searchParams;
}
