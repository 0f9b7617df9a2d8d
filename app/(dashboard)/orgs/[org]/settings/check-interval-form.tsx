"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Notice } from "@/components/notice";
import { secondaryButton } from "@/components/styles";
import { setCheckIntervalAction } from "./actions";

type Props = { orgSlug: string; seconds: number; options: { seconds: number; label: string }[] };

export function CheckIntervalForm({ orgSlug, seconds, options }: Props) {
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState(seconds);
  const mutation = useMutation({
    mutationFn: (value: number) => setCheckIntervalAction(orgSlug, value),
    onSuccess: (result) => result.ok && router.refresh(),
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.error : null;
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate(chosen);
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          Check healthy connections at least every
        </label>
        <select
          id={id}
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
          className="mt-1 w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {options.map((option) => (
            <option key={option.seconds} value={option.seconds}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={mutation.isPending || chosen === seconds} className={secondaryButton}>
        {mutation.isPending ? "Saving…" : "Save interval"}
      </button>
      {mutation.data?.ok && chosen === seconds ? <p role="status" className="text-sm text-slate-600">Saved.</p> : null}
      {failure ? <Notice tone="error" title={failure.message}>{failure.hint}</Notice> : null}
    </form>
  );
}
