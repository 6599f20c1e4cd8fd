import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, OWASP_ARGON2ID } from './password.js';
import { isCommonPassword, passwordProblem } from './policy.js';

describe('password hashing', () => {
  const hasher = createPasswordHasher();

  it('stores an argon2id PHC string that carries the OWASP parameters and a random salt', async () => {
    const first = await hasher.hash('ticket-stub-in-my-pocket');
    const second = await hasher.hash('ticket-stub-in-my-pocket');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(OWASP_ARGON2ID).toEqual({ m: 19_456, t: 2, p: 1 });
  });

  it('verifies the right password, refuses a wrong one and a malformed hash', async () => {
    const phc = await hasher.hash('ticket-stub-in-my-pocket');
    expect(await hasher.verify(phc, 'ticket-stub-in-my-pocket')).toEqual({ ok: true, needsRehash: false });
    expect(await hasher.verify(phc, 'ticket-stub-in-my-pockeT')).toEqual({ ok: false, needsRehash: false });
    expect(await hasher.verify('$argon2id$fixture', 'anything')).toEqual({ ok: false, needsRehash: false });
    expect(await hasher.verify(phc.replace('m=19456', 'm=9999999'), 'x')).toEqual({
      ok: false,
      needsRehash: false,
    });
  });

  it('flags a correct password stored with older, weaker parameters for rehashing', async () => {
    const legacy = createPasswordHasher({ m: 1024, t: 1, p: 1 });
    const old = await legacy.hash('ticket-stub-in-my-pocket');
    expect(old).toContain('m=1024,t=1,p=1');
    expect(await hasher.verify(old, 'ticket-stub-in-my-pocket')).toEqual({ ok: true, needsRehash: true });
    expect(await hasher.verify(old, 'wrong')).toEqual({ ok: false, needsRehash: false });
  });

  it('treats canonically equivalent Unicode spellings as the same password (NFKC)', async () => {
    const phc = await hasher.hash('Caf\u00e9-Matin\u00e9e-2026');
    expect((await hasher.verify(phc, 'Cafe\u0301-Matine\u0301e-2026')).ok).toBe(true);
  });
});

describe('password policy', () => {
  it('accepts 8 to 128 characters without composition rules', async () => {
    expect(await passwordProblem('abcdefgh-not-common')).toBeNull();
    expect(await passwordProblem('correct horse battery staple')).toBeNull();
    expect(await passwordProblem('\u{1F3AC}'.repeat(128))).toBeNull();
    expect((await passwordProblem('short'))?.code).toBe('PASSWORD_LENGTH');
    expect((await passwordProblem('x'.repeat(129)))?.code).toBe('PASSWORD_LENGTH');
  });

  it('refuses the 10,000 most common passwords of the zxcvbn-ts list, and only those', async () => {
    const ranked = dictionary['passwords-common'];
    expect(await isCommonPassword(ranked[0] ?? '')).toBe(true);
    expect(await isCommonPassword(ranked[9_999] ?? '')).toBe(true);
    expect(await isCommonPassword('PASSWORD')).toBe(true);
    const top = new Set(ranked.slice(0, 10_000));
    const beyond = ranked.slice(10_000).find((p) => !top.has(p)) ?? '';
    expect(beyond).not.toBe('');
    expect(await isCommonPassword(beyond)).toBe(false);
    expect((await passwordProblem('iloveyou'))?.code).toBe('PASSWORD_TOO_COMMON');
  });
});
