"use client";

import { useState, type ReactNode } from "react";
import { dangerButton, secondaryButton } from "./styles";

/**
 * A destructive action that asks once more: a button opens a panel saying what goes,
 * with "Yes, …" and Cancel. `children` says what happens; `failure` shows why it did not.
 */
export function ConfirmDanger({
  id,
  open,
  title,
  confirm,
  pending,
  busy,
  disabled = false,
  onConfirm,
  failure,
  children,
}: {
  id: string;
  /** The button that opens the panel. */
  open: string;
  title: ReactNode;
  confirm: string;
  pending: string;
  busy: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  failure: ReactNode;
  children: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={secondaryButton}>
        {open}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p id={id} className="font-semibold">
        {title}
      </p>
      {children}
      {failure}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onConfirm} disabled={busy || disabled} className={dangerButton}>
          {busy ? pending : confirm}
        </button>
        <button type="button" onClick={() => setConfirming(false)} disabled={busy} className={secondaryButton}>
          Cancel
        </button>
      </div>
    </div>
  );
}
