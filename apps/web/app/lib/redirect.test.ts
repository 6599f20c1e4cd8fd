import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.js';

describe('safeRedirect', () => {
  it('follows same-site paths', () => {
    expect(safeRedirect('/bookings?x=1')).toBe('/bookings?x=1');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])(
    'refuses %s and falls back',
    (to) => {
      expect(safeRedirect(to, '/home')).toBe('/home');
    },
  );
});
