import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

export type Target = { orgSlug: string; id: string };

/** Runs a mutation and, when it succeeds, re-renders the server page so it shows the new state. */
export function useConnectionMutation<I, R extends { ok: boolean }>(run: (input: I) => Promise<R>, after?: (result: R) => void) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (!result.ok) return;
      after?.(result);
      startRefresh(() => router.refresh());
    },
  });
  return { mutation, refreshing };
}
