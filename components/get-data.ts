/** GETs one of the app's own JSON routes and unwraps its `{data}` envelope; anything else throws. */
export async function getData<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}
