// Building regular expressions from names found in a notebook.

/** `text` as a literal inside a regular expression (JavaScript's, or ast-grep's Rust one). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
