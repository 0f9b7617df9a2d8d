// Decides what `npm start` / `npm run dev` may run. Pure, so it is tested without spawning.

export type StartPlan = { production: boolean; reason: string; sandbox: boolean } | { error: string };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackUrl(value: string): boolean {
  const url = URL.canParse(value) ? new URL(value) : null;
  return Boolean(url && (LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.endsWith(".localhost")));
}

/**
 * A production start is NODE_ENV=production or an APP_URL people reach from elsewhere
 * (not loopback). It never runs the Bitbucket sandbox: without a login consumer it stops,
 * naming the variable and the fix. The sandbox runs on a loopback development setup
 * without a login consumer, or when asked for with --sandbox (loopback APP_URL only).
 */
export function planStart(env: Record<string, string | undefined>, options: { askedForSandbox: boolean }): StartPlan {
  const appUrl = (env.APP_URL || "http://localhost:3000").replace(/\/+$/, "");
  const publicUrl = !isLoopbackUrl(appUrl);
  const production = env.NODE_ENV === "production" || publicUrl;
  const reason = publicUrl ? `APP_URL ${appUrl} is not a loopback address` : "NODE_ENV=production";
  const hasLoginConsumer = Boolean(env.BITBUCKET_LOGIN_CLIENT_ID?.trim());

  if (options.askedForSandbox) {
    if (publicUrl) {
      return { error: `--sandbox: the Bitbucket sandbox is for trying vcs-connect on this machine, but ${reason}. Use APP_URL=http://localhost:3000 for the sandbox, or configure a login consumer (README, "Production").` };
    }
    return { production, reason, sandbox: true };
  }
  if (hasLoginConsumer) return { production, reason, sandbox: false };
  if (production) {
    return {
      error: [
        `BITBUCKET_LOGIN_CLIENT_ID is not set, and this is a production start (${reason}), so the bundled Bitbucket sandbox does not start.`,
        `Fix: create a login consumer on Bitbucket (Account: Email and Read; callback URL ${appUrl}/api/auth/callback/bitbucket) and set BITBUCKET_LOGIN_CLIENT_ID and BITBUCKET_LOGIN_CLIENT_SECRET to its Key and Secret (README, "Production").`,
        `To try vcs-connect on this machine with the sandbox instead: npm start with APP_URL unset (http://localhost:3000) and NODE_ENV unset.`,
      ].join("\n"),
    };
  }
  return { production, reason, sandbox: true };
}
