import { describe, expect, it } from 'vitest';
import { chooseCity, cityCookie, readCityCookie } from './city.server.js';

const cities = [{ id: 'bengaluru' }, { id: 'hyderabad' }, { id: 'nellore' }];

function requestWith(cookie: string) {
  return new Request('http://localhost/', { headers: { Cookie: cookie } });
}

describe('the chosen city', () => {
  it('round-trips through its cookie', () => {
    const header = cityCookie('nellore', false).split(';')[0] ?? '';
    expect(readCityCookie(requestWith(`a=1; ${header}`))).toBe('nellore');
  });

  it('marks the cookie Secure on https and always HttpOnly + SameSite=Lax', () => {
    expect(cityCookie('nellore', true)).toContain('; Secure');
    expect(cityCookie('nellore', false)).not.toContain('Secure');
    expect(cityCookie('nellore', false)).toContain('HttpOnly');
    expect(cityCookie('nellore', false)).toContain('SameSite=Lax');
  });

  it('ignores a cookie value that cannot be a city id', () => {
    expect(readCityCookie(requestWith('mm_city=%3Cscript%3E'))).toBeNull();
  });

  it('prefers the cookie, then the home city, then the first city', () => {
    expect(chooseCity(cities, 'nellore', 'hyderabad')?.id).toBe('nellore');
    expect(chooseCity(cities, 'atlantis', 'hyderabad')?.id).toBe('hyderabad');
    expect(chooseCity(cities, null, null)?.id).toBe('bengaluru');
    expect(chooseCity([], null, null)).toBeNull();
  });
});
