import { redirect } from "next/navigation";
import { Notice } from "@/components/notice";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/paths";
import { signInMessage } from "@/lib/auth/sign-in-messages";
import { signInWithBitbucket } from "./actions";
import { RefusalDetails } from "./refusal-details";

export const metadata = { title: "Sign in" };

type SearchParams = Promise<{ error?: string; callbackUrl?: string; signedOut?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (!params.error && (await currentUser())) redirect(returnTo);
  const message = signInMessage(params.error ?? (params.signedOut ? "SignedOut" : undefined));

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to vcs-connect</h1>
          <p className="mt-1 text-sm text-slate-600">Use your Bitbucket account.</p>
        </div>
        {message ? (
          <Notice tone={message.tone} title={message.title}>
            {message.detail}
          </Notice>
        ) : null}
        {message ? <RefusalDetails code={message.code} /> : null}
        <form action={signInWithBitbucket}>
          <input type="hidden" name="callbackUrl" value={returnTo} />
          <button
            type="submit"
            className="w-full rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            Sign in with Bitbucket
          </button>
        </form>
      </div>
    </main>
  );
}
