import { describe, expect, it } from 'vitest';
import {
  createTicketSigner,
  generateTicketKeys,
  issueTicketToken,
  publicKeyOf,
  signTicketToken,
  ticketPublicKeys,
  verifyTicketToken,
} from './token.js';

const payload = { bookingId: 'bk_abc123', showtimeId: 'st_evening-7', seatCount: 3, version: 1 };

async function keyPair(keyId = 'k1') {
  const keys = await generateTicketKeys();
  return { ...keys, keyId };
}

/** Every single-character change of `token`, at each position, to another character of the alphabet. */
function oneCharChanges(token: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
  return [...token].map((char, index) => {
    const replacement = alphabet[(alphabet.indexOf(char) + 1) % alphabet.length];
    return token.slice(0, index) + replacement + token.slice(index + 1);
  });
}

describe('ticket token', () => {
  it('verifies a token it signed and returns the payload and key id', async () => {
    const key = await keyPair();
    const token = await signTicketToken(payload, key);
    expect(token).toMatch(/^MM1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(await verifyTicketToken(token, { k1: key.publicKey })).toEqual({ ok: true, payload, keyId: 'k1' });
  });

  it('is short enough for a low-density QR code', async () => {
    const token = await signTicketToken(
      { ...payload, bookingId: 'bk_abcdefghijklmnopqrst' },
      await keyPair(),
    );
    expect(token.length).toBeLessThan(170);
  });

  it('rejects a token with any one character changed', async () => {
    const key = await keyPair();
    const token = await signTicketToken(payload, key);
    const results = await Promise.all(
      oneCharChanges(token).map((t) => verifyTicketToken(t, { k1: key.publicKey })),
    );
    expect(results.filter((r) => r.ok)).toEqual([]);
  });

  it('rejects a token signed by another key under the same key id', async () => {
    const token = await signTicketToken(payload, await keyPair());
    const other = await keyPair();
    expect(await verifyTicketToken(token, { k1: other.publicKey })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rejects a token whose key id the scanner does not know', async () => {
    const key = await keyPair('k2');
    const token = await signTicketToken(payload, key);
    expect(await verifyTicketToken(token, { k1: key.publicKey })).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
  });

  it('rejects garbage as malformed without throwing', async () => {
    const key = await keyPair();
    for (const junk of [
      '',
      'hello',
      'MM1.k1.x.y',
      'MM2.k1.YQ.AAAA',
      'MM1.k1.!!!.abc',
      `MM1.k1.${'A'.repeat(10)}.${'A'.repeat(86)}`,
    ]) {
      expect(await verifyTicketToken(junk, { k1: key.publicKey })).toMatchObject({ ok: false });
    }
    expect(await verifyTicketToken('MM1.toString.YQ.AAAA', {})).toEqual({ ok: false, reason: 'malformed' });
  });

  it('keeps tickets of a retired key valid while its public key is still listed (rotation)', async () => {
    const old = await keyPair('k1');
    const current = await keyPair('k2');
    const oldToken = await signTicketToken(payload, old);
    const newToken = await signTicketToken(payload, current);
    const keys = await ticketPublicKeys(current, `k1:${old.publicKey}`);
    expect(await verifyTicketToken(oldToken, keys)).toMatchObject({ ok: true, keyId: 'k1' });
    expect(await verifyTicketToken(newToken, keys)).toMatchObject({ ok: true, keyId: 'k2' });
    const afterRetirement = await ticketPublicKeys(current);
    expect(await verifyTicketToken(oldToken, afterRetirement)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('accepts the public key as SPKI as well as raw', async () => {
    const key = await keyPair();
    const raw = await publicKeyOf(key.privateKey);
    expect(raw).toBe(key.publicKey);
    const imported = await crypto.subtle.importKey(
      'raw',
      Buffer.from(raw, 'base64url'),
      { name: 'Ed25519' },
      true,
      ['verify'],
    );
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', imported)).toString('base64url');
    const token = await signTicketToken(payload, key);
    expect(await verifyTicketToken(token, { k1: spki })).toMatchObject({ ok: true });
  });

  it('issues a booking token that changes when the booking version changes', async () => {
    const signer = createTicketSigner(await keyPair());
    const booking = { id: 'bk_1', showtimeId: 'st_1', seats: [{}, {}], version: 1 };
    const first = await issueTicketToken(booking, signer);
    const second = await issueTicketToken({ ...booking, version: 2 }, signer);
    expect(first).not.toBe(second);
    const keys = await ticketPublicKeys({ privateKey: (await keyPair()).privateKey, keyId: 'other' });
    expect(await verifyTicketToken(first, keys)).toEqual({ ok: false, reason: 'unknown_key' });
  });
});
