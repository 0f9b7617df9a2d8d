/**
 * What the sign-in page says for each reason sign-in stopped. Keys are Auth.js error
 * types plus ConsentCancelled, which the callback route reports for `access_denied`.
 */
const messages: Record<string, { title: string; detail: string }> = {
  ConsentCancelled: {
    title: "You cancelled on Bitbucket",
    detail: "Nothing was shared and you are not signed in. To continue, sign in again and choose Grant access.",
  },
  OAuthCallbackError: {
    title: "Bitbucket did not complete the sign-in",
    detail: "Bitbucket returned an error instead of a sign-in. Try again; if it repeats, an admin should check the login consumer in Settings → Authentication.",
  },
  OAuthAccountNotLinked: {
    title: "This email already belongs to another account",
    detail: "Another Bitbucket account already signed in here with the same primary email. Sign in with that account.",
  },
  AccessDenied: {
    title: "Access denied",
    detail: "This account is not allowed to sign in here.",
  },
  AwaitingOwner: {
    title: "This instance is waiting for its owner",
    detail: "Whoever set up this server named the one person who signs in first and owns it. Once they have, they decide who else may sign in. Try again after that, or ask the person who runs this server.",
  },
  Blocked: {
    title: "Your account is blocked here",
    detail: "The instance owner has blocked this Bitbucket account from signing in to this server.",
  },
  NotAllowed: {
    title: "This server does not let your account sign in",
    detail: "Its sign-in policy admits only the people below.",
  },
  Configuration: {
    title: "Sign-in is not set up correctly",
    detail: "The server could not finish the sign-in. The server log names the problem; Settings → Authentication and the README explain the login consumer.",
  },
  RateLimited: {
    title: "Too many sign-in attempts",
    detail: "This address started more sign-ins in the last minute than the server allows. Wait a minute, then try again.",
  },
  SignedOut: {
    title: "You are signed out",
    detail: "Sign in again whenever you like.",
  },
};

const fallback = { title: "Sign-in did not finish", detail: "Please try again." };

export function signInMessage(code: string | undefined) {
  if (!code) return null;
  return { code, tone: code === "SignedOut" || code === "ConsentCancelled" ? ("info" as const) : ("error" as const), ...(messages[code] ?? fallback) };
}
