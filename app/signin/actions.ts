"use server";

import { signIn } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/paths";

export async function signInWithBitbucket(formData: FormData) {
  await signIn("bitbucket", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
