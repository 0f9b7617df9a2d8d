import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./config";

// Lazy: configuration is read on the first request, not while `next build` imports routes.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
