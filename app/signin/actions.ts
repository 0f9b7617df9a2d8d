"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { safeReturnPath, SIGN_IN_PATH } from "@/lib/auth/paths";
import { isAppError } from "@/lib/errors/app-error";
import { takeRequest } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/rate-limit/client-address";

export async function signInWithBitbucket(formData: FormData) {
  try {
    await takeRequest("sign_in", clientAddress(await headers()));
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") redirect(`${SIGN_IN_PATH}?error=RateLimited`);
    throw error;
  }
  await signIn("bitbucket", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
