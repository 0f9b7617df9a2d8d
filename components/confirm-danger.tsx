"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
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
  openLabel,
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
  /** An accessible name for the opening button when `open` alone is ambiguous (a row of them). */
  openLabel?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef(false);
  // Keyboard and screen-reader users land on the question, and back on the button after Cancel.
  useEffect(() => {
    if (confirming) heading.current?.focus();
    else if (returnFocus.current) opener.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={opener} type="button" onClick={() => setConfirming(true)} aria-label={openLabel} className={secondaryButton}>
        {open}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="max-w-prose space-y-3 rounded-md border border-red-200 bg-red-50 p-3 text-left text-sm whitespace-normal text-red-900">
      <p id={id} ref={heading} tabIndex={-1} className="font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600">
        {title}
      </p>
      {children}
      {failure}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onConfirm} disabled={busy || disabled} className={dangerButton}>
          {busy ? pending : confirm}
        </button>
        <button
          type="button"
          onClick={() => {
            returnFocus.current = true;
            setConfirming(false);
          }}
          disabled={busy}
          className={secondaryButton}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
