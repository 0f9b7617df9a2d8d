import "server-only";
import type { NextAuthConfig } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createAuthAdapter } from "./adapter";
import { bitbucketLoginProvider, userFieldsFromProfile, type LoginProfile } from "./bitbucket-login-provider";
import type { UserRole } from "./instance-owner";
import { SIGN_IN_PATH } from "./paths";
import { recordSignInWorkspaces } from "./record-sign-in-workspaces";
import { checkSignIn, refusalCodes } from "./sign-in-gate";

export const SESSION_MAX_AGE_SECONDS = 30 * 86_400;
export const SESSION_UPDATE_AGE_SECONDS = 86_400;

export function authConfig(): NextAuthConfig {
  const config = env();
  // Auth.js takes its public URL (and so the callback URL Bitbucket must match) from
  // AUTH_URL; deriving it from APP_URL keeps one setting for the app's address.
  process.env.AUTH_URL = `${config.APP_URL}/api/auth`;
  const database = db();

  return {
    adapter: createAuthAdapter(database, { ownerEmail: config.INSTANCE_OWNER_EMAIL }),
    secret: config.AUTH_SECRET,
    // A session lookup reads one row; its expiry is pushed out (a write) at most once a
    // day per session, not on every request.
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    providers: [
      bitbucketLoginProvider({
        hostUrl: config.BITBUCKET_HOST_URL,
        apiUrl: config.BITBUCKET_API_URL,
        clientId: config.BITBUCKET_LOGIN_CLIENT_ID,
        clientSecret: config.BITBUCKET_LOGIN_CLIENT_SECRET,
      }),
    ],
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    callbacks: {
      // Runs before any user or session is created: a refused person gets neither.
      async signIn({ account, profile }) {
        if (!account || !profile) return false;
        const decision = await checkSignIn(
          database,
          { provider: account.provider, providerAccountId: account.providerAccountId },
          profile as unknown as LoginProfile,
          config.INSTANCE_OWNER_EMAIL,
        );
        return decision.allowed ? true : `${config.APP_URL}${SIGN_IN_PATH}?error=${refusalCodes[decision.reason]}`;
      },
      session({ session, user }) {
        session.user.id = user.id;
        session.user.role = (user as { role?: UserRole }).role ?? "member";
        // Blocking deletes sessions; this also covers one created while the block was written.
        session.user.blocked = Boolean((user as { blockedAt?: Date | null }).blockedAt);
        return session;
      },
    },
    events: {
      // Keep name, avatar, email and workspaces in step with Bitbucket on every sign-in.
      async signIn({ user, profile, isNewUser }) {
        if (!user.id || !profile) return;
        const loginProfile = profile as unknown as LoginProfile;
        // Only offered as choices later: failing to record them must not fail the sign-in.
        await recordSignInWorkspaces(database, user.id, config.BITBUCKET_HOST_URL, loginProfile.workspaces).catch((error: unknown) =>
          log().warn({ err: error, userId: user.id }, "could not record the user's workspaces"),
        );
        if (isNewUser) return;
        const fields = userFieldsFromProfile(loginProfile);
        try {
          await database.user.update({ where: { id: user.id }, data: fields });
        } catch (error) {
          // Another user already has this email: keep the old one rather than fail sign-in.
          log().warn({ err: error, userId: user.id }, "could not refresh the user's profile");
          await database.user.update({ where: { id: user.id }, data: { name: fields.name, image: fields.image } });
        }
      },
    },
    logger: {
      error: (error) => log().error({ err: { name: error.name, message: error.message } }, "auth error"),
      warn: (code) => log().warn({ code }, "auth warning"),
    },
  };
}
