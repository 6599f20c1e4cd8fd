import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, securityHeaders } from './security.server.js';

describe('security headers', () => {
  it('gives every request a different nonce of at least 128 bits', () => {
    const a = createNonce();
    const b = createNonce();
    expect(a).not.toBe(b);
    expect(atob(a)).toHaveLength(16);
  });

  it('enforces a nonce-based CSP that forbids framing, plugins and base-uri changes', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('adds HSTS only when the app is served over https', () => {
    expect(securityHeaders({ nonce: 'n', secure: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ nonce: 'n', secure: true })['Strict-Transport-Security']).toMatch(
      /^max-age=\d+/,
    );
  });

  it('always sends nosniff and a strict referrer policy', () => {
    const headers = securityHeaders({ nonce: 'n', secure: false });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});
