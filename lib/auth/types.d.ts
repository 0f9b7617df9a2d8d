import type { DefaultSession } from "next-auth";
import type { UserRole } from "./instance-owner";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole; blocked?: boolean } & DefaultSession["user"];
  }
}
