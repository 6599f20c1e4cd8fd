/**
 * The signed ticket token carried by the QR code: `MM1.<kid>.<payload>.<sig>`.
 *
 * - `payload` is base64url of `bookingId|showtimeId|seatCount|version` (ids are URL-safe, never contain `|`),
 *   shorter than JSON so the QR stays at a low version (fewer, larger modules scan better on phones).
 * - `sig` is Ed25519 over the ASCII text `MM1.<kid>.<payload>`, so the key id is signed too.
 * - `kid` names the key, so keys can rotate: scanners accept every public key they are given.
 *
 * Only Web Crypto is used (`crypto.subtle`), so this module runs on Node, workerd and in browsers; a scanner
 * holding only the public key verifies offline.
 */
import { base64urlDecode, base64urlEncode } from './base64url.js';

const PREFIX = 'MM1';
const ED25519 = { name: 'Ed25519' } as const;
// An Ed25519 SPKI is the 32-byte key behind this fixed 12-byte DER header (RFC 8410, section 4).
const SPKI_HEADER = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

/** What the QR proves: which booking, for which show, how many seats, and which revision of the booking. */
export interface TicketTokenPayload {
  bookingId: string;
  showtimeId: string;
  seatCount: number;
  /** The booking's `version`: an old QR of a changed (cancelled) booking no longer matches. */
  version: number;
}

/** Signing material: an Ed25519 private key (PKCS#8, base64url) and its key id. */
export interface TicketSigningKey {
  privateKey: string;
  keyId: string;
}

/** Public keys accepted when verifying, by key id (base64url SPKI or raw 32-byte key). */
export type TicketPublicKeys = Record<string, string>;

export type VerifyTicketTokenResult =
  | { ok: true; payload: TicketTokenPayload; keyId: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/** Signs ticket payloads with one configured key. */
export interface TicketSigner {
  readonly keyId: string;
  sign(payload: TicketTokenPayload): Promise<string>;
}

const encoder = new TextEncoder();
const privateKeyCache = new Map<string, Promise<CryptoKey>>();
const publicKeyCache = new Map<string, Promise<CryptoKey | null>>();

function importPrivateKey(pkcs8: string): Promise<CryptoKey> {
  let key = privateKeyCache.get(pkcs8);
  if (!key) {
    key = crypto.subtle.importKey('pkcs8', base64urlDecode(pkcs8), ED25519, false, ['sign']);
    privateKeyCache.set(pkcs8, key);
  }
  return key;
}

function importPublicKey(encoded: string): Promise<CryptoKey | null> {
  let key = publicKeyCache.get(encoded);
  if (!key) {
    const bytes = base64urlDecode(encoded);
    const raw = bytes.length === 44 ? bytes.slice(SPKI_HEADER.length) : bytes;
    key = crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']).catch(() => null);
    publicKeyCache.set(encoded, key);
  }
  return key;
}

function encodePayload(payload: TicketTokenPayload): string {
  const text = [payload.bookingId, payload.showtimeId, payload.seatCount, payload.version].join('|');
  return base64urlEncode(encoder.encode(text));
}

function decodePayload(encoded: string): TicketTokenPayload | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(encoded));
  } catch {
    return null;
  }
  const [bookingId, showtimeId, seats, version, ...rest] = text.split('|');
  if (rest.length > 0 || !bookingId || !showtimeId || !seats || !version) return null;
  if (!/^\d{1,3}$/.test(seats) || !/^\d{1,9}$/.test(version)) return null;
  return { bookingId, showtimeId, seatCount: Number(seats), version: Number(version) };
}

/** Sign a payload: returns the token text to put in the QR. */
export async function signTicketToken(payload: TicketTokenPayload, key: TicketSigningKey): Promise<string> {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(key.keyId))
    throw new Error('ticket key id must be 1-32 URL-safe characters');
  const signed = `${PREFIX}.${key.keyId}.${encodePayload(payload)}`;
  const signature = await crypto.subtle.sign(
    ED25519,
    await importPrivateKey(key.privateKey),
    encoder.encode(signed),
  );
  return `${signed}.${base64urlEncode(new Uint8Array(signature))}`;
}

/** Verify a token against the accepted public keys. Never throws: bad input is a `reason`. */
export async function verifyTicketToken(
  token: string,
  publicKeys: TicketPublicKeys,
): Promise<VerifyTicketTokenResult> {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' };
  const [, keyId = '', encodedPayload = '', encodedSignature = ''] = parts;
  const payload = decodePayload(encodedPayload);
  if (!payload || !/^[A-Za-z0-9_-]{86}$/.test(encodedSignature)) return { ok: false, reason: 'malformed' };
  const encodedKey = Object.hasOwn(publicKeys, keyId) ? publicKeys[keyId] : undefined;
  const key = encodedKey ? await importPublicKey(encodedKey) : null;
  if (!key) return { ok: false, reason: 'unknown_key' };
  const signature = base64urlDecode(encodedSignature);
  // base64url's last character carries unused bits, so several spellings decode to the same bytes: only the
  // canonical spelling counts, otherwise a changed character could still verify.
  const canonical =
    base64urlEncode(signature) === encodedSignature && encodePayload(payload) === encodedPayload;
  const valid =
    canonical &&
    (await crypto.subtle.verify(
      ED25519,
      key,
      signature,
      encoder.encode(`${PREFIX}.${keyId}.${encodedPayload}`),
    ));
  if (!valid) return { ok: false, reason: 'bad_signature' };
  return { ok: true, payload, keyId };
}

/** A fresh Ed25519 key pair: private PKCS#8 and public raw key, both base64url. */
export async function generateTicketKeys(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: base64urlEncode(pkcs8), publicKey: base64urlEncode(raw) };
}

/** The raw public key (base64url) belonging to a PKCS#8 private key (read from its JWK form, `x`). */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', base64urlDecode(privateKey), ED25519, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', key);
  if (!jwk.x) throw new Error('ticket signing key has no public part');
  return jwk.x;
}

/**
 * The keys a scanner accepts: the signing key's own public key plus the extra `kid:key,kid:key` list
 * (`TICKET_VERIFY_KEYS`), which keeps tickets signed with a retired key valid during a rotation.
 */
export async function ticketPublicKeys(
  signing: TicketSigningKey | null,
  extra?: string,
): Promise<TicketPublicKeys> {
  const keys: TicketPublicKeys = {};
  for (const entry of (extra ?? '').split(',')) {
    const [kid, key] = entry.trim().split(':');
    if (kid && key) keys[kid] = key;
  }
  if (signing) keys[signing.keyId] = await publicKeyOf(signing.privateKey);
  return keys;
}

/** A signer bound to one key. */
export function createTicketSigner(key: TicketSigningKey): TicketSigner {
  return { keyId: key.keyId, sign: (payload) => signTicketToken(payload, key) };
}

/** The token for a booking as it is now (its version included). */
export function issueTicketToken(
  booking: { id: string; showtimeId: string; seats: unknown[]; version: number },
  signer: TicketSigner,
): Promise<string> {
  return signer.sign({
    bookingId: booking.id,
    showtimeId: booking.showtimeId,
    seatCount: booking.seats.length,
    version: booking.version,
  });
}
