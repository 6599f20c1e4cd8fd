/**
 * The security headers every response carries, from one function so the Node server and the edge worker
 * apply exactly the same policy (issue 3, "Accounts and security"; OWASP Secure Headers Project).
 * Runtime-neutral: Web Crypto only.
 */

/** A fresh CSP nonce: 128 random bits, base64 (CSP3 requires at least 128 bits of entropy). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface SecurityHeaderOptions {
  nonce: string;
  /** True when the app is served over https: adds HSTS. */
  secure: boolean;
}

/**
 * The enforced Content-Security-Policy. `'strict-dynamic'` lets the nonced module scripts load the hashed
 * route chunks they import, so no host allow-list is needed (https://www.w3.org/TR/CSP3/#strict-dynamic-usage).
 * Styles come only from our own stylesheet: no `'unsafe-inline'`, so the UI never uses `style` attributes.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The staff check-in page reads the camera through getUserMedia; media stays same-origin.
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Every security header as a plain record, ready for `Headers` or express `res.set`. */
export function securityHeaders({ nonce, secure }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Legacy browsers ignore frame-ancestors; X-Frame-Options covers them.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), geolocation=(), microphone=(), payment=()',
  };
  if (secure) {
    // Two years, the hstspreload.org minimum recommendation.
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  }
  return headers;
}
