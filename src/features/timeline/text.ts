/**
 * Untrusted text made safe to *look at*: Unicode bidi controls (U+202A–U+202E, U+2066–U+2069,
 * LRM/RLM/ALM) are shown as visible markers instead of being obeyed, so "invoice‮fdp.exe" cannot
 * pose as "invoiceexe.pdf". React already keeps markup inert; this is about what the eye reads.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_ALL = new RegExp(BIDI.source, 'g');

export function visibleText(s: string): string {
  return BIDI.test(s)
    ? s.replace(
        BIDI_ALL,
        (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`,
      )
    : s;
}
