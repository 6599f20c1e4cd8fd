/**
 * Only same-site paths are followed after a form (OWASP Unvalidated Redirects cheat sheet): `//evil.example`
 * and `/\evil.example` are protocol-relative in browsers, so they are refused too.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\'))
    return fallback;
  return to;
}
