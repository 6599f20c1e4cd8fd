/** Minimal, inline-styled HTML for e-mail clients (most strip <style> blocks and ignore external CSS). */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values (OWASP XSS prevention, rule 1 and 2). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Wraps already-escaped body HTML in the house frame. */
export function emailFrame(title: string, bodyHtml: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Inter,Arial,sans-serif;color:#111827">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;overflow:hidden">',
    '<div style="background:#e11d48;color:#ffffff;padding:16px 24px;font-weight:700;font-size:18px">Movie Magic</div>',
    `<div style="padding:24px">${bodyHtml}</div>`,
    '</div></body></html>',
  ].join('');
}
