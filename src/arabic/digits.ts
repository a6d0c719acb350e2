/**
 * Digits: Arabic-Indic (٠-٩, U+0660-0669) and Persian/Urdu (۰-۹, U+06F0-06F9) to ASCII 0-9.
 * Nothing else is touched, and each digit stays one UTF-16 code unit, so offsets are kept.
 */

/** `text` with every Arabic-Indic and Persian digit replaced by its ASCII digit. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
