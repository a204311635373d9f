/** Text escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`); `null` and `undefined` as empty. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
