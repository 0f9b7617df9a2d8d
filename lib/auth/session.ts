import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";
import { SESSION_COOKIES, SIGN_IN_PATH } from "./paths";

export type SignedInUser = { id: string; name: string | null; email: string | null; image: string | null; role: "owner" | "member" };

/** The signed-in user for this request, or null. Memoised per request. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  if (!session?.user?.id || session.user.blocked) return null;
  const { id, name, email, image, role } = session.user;
  return { id, name: name ?? null, email: email ?? null, image: image ?? null, role };
});

/** For pages and actions that need a signed-in user: sends everyone else to sign-in. */
export async function requireUser(returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return user;
}

/** The raw session token of this request, to bind OAuth state to this browser session. */
export async function currentSessionToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}
