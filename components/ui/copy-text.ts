// Copying to the clipboard where the Clipboard API may be missing (plain http on a LAN address,
// old browsers, a refused permission): the older copy command on the selected text, else the text
// left selected for the person to copy with the keyboard.

export type CopyOutcome = "copied" | "selected";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The "press Ctrl+C / ⌘C" message for this person's keyboard. */
export const selectedMessage = (labels: { fallback: string; fallbackMac?: string }) =>
  isMac() && labels.fallbackMac ? labels.fallbackMac : labels.fallback;

function select(el: HTMLElement | null) {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.select();
  } else if (el) {
    window.getSelection()?.selectAllChildren(el);
  }
}

export async function copyText(value: string, target: HTMLElement | null): Promise<CopyOutcome> {
  try {
    await navigator.clipboard.writeText(value);
    return "copied";
  } catch {
    select(target);
    try {
      // Deprecated but still the only way without the Clipboard API; the selection stays either way.
      if (document.execCommand("copy")) return "copied";
    } catch {}
    return "selected";
  }
}
