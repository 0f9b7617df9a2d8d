"use server";

import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/paths";

export async function signOutAction() {
  await signOut({ redirectTo: `${SIGN_IN_PATH}?signedOut=1` });
}
