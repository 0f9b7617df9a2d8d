"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { CopyField } from "@/components/copy-button";
import { Notice } from "@/components/notice";
import { setPublicStatusAction } from "./actions";

export function PublicStatusToggle({ orgSlug, url }: { orgSlug: string; url: string | null }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (enabled: boolean) => setPublicStatusAction(orgSlug, enabled),
    onSuccess: (result) => result.ok && router.refresh(),
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.error : null;
  return (
    <div className="space-y-3">
      {url ? <CopyField label="Public status page" value={url} /> : <p className="text-sm text-slate-600">Off. Only members can see status.</p>}
      <button
        type="button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate(!url)}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
      >
        {url ? "Turn off the public status page" : "Turn on a public status page"}
      </button>
      {failure ? <Notice tone="error" title={failure.message}>{failure.hint}</Notice> : null}
    </div>
  );
}
