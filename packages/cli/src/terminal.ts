/**
 * Characters a terminal acts on rather than shows: C0 controls but tab and line feed (ESC starts the sequences that
 * clear the screen, set the window title or hide text), DEL, C1 controls, and the bidirectional overrides that
 * reorder what is shown.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same characters, asked once of a line (most have none: 10,000 rows of `par score` pass unchanged). */
const ANY_CONTROL = new RegExp(CONTROL.source);

/**
 * A line made safe for a terminal: control characters removed from text; in JSON output (a line that starts with
 * `{` or `[`) they can only be inside strings, and are written as `\uXXXX` escapes, so the data is kept.
 */
export function forTerminal(line: string): string {
  if (!ANY_CONTROL.test(line)) return line;
  return /^\s*[[{]/.test(line) ? line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : line.replace(CONTROL, '');
}
