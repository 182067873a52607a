import { useState } from 'react';

/**
 * Copies text for the review dialogs' "Copy as …" buttons; `copied` says what happened, for a
 * live region, including when the browser refused (then the text is there to select by hand).
 */
export function useCopyToClipboard(): {
  copied: string | null;
  copy: (what: string, text: string) => void;
} {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (what: string, text: string) => {
    void navigator.clipboard.writeText(text).then(
      () => {
        setCopied(`${what} copied to the clipboard.`);
      },
      () => {
        setCopied(`${what} could not be copied: select the text and copy it.`);
      },
    );
  };
  return { copied, copy };
}
