/**
 * The ONE password-hashing implementation: argon2id from @noble/hashes (pure JS, so the same code runs on
 * Node and on workerd, where native addons and PBKDF2 above 100k iterations are unavailable).
 *
 * Parameters follow the OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 * Hashes are stored in PHC string format (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), so each carries
 * its own parameters and `verify` can tell when a hash is outdated and should be rehashed at login.
 */
import { argon2idAsync } from '@noble/hashes/argon2.js';

export interface Argon2Params {
  /** Memory in KiB. */
  m: number;
  /** Iterations. */
  t: number;
  /** Parallelism. */
  p: number;
}

/** OWASP's minimum recommended argon2id configuration. */
export const OWASP_ARGON2ID: Argon2Params = { m: 19_456, t: 2, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const ARGON2_VERSION = 0x13;

/** Hashes and verifies passwords; `needsRehash` is true when the stored hash used other parameters. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(phc: string, password: string): Promise<{ ok: boolean; needsRehash: boolean }>;
  /** Spend the same time as a real verification (used when the account does not exist). */
  verifyDummy(password: string): Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+$/.test(text)) return null;
  const binary = atob(text + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** Unicode passwords are compared in one normal form (ASVS 2.1.x allows any Unicode character). */
function encodePassword(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFKC'));
}

interface ParsedHash {
  params: Argon2Params;
  salt: Uint8Array;
  hash: Uint8Array;
}

const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function parsePhc(phc: string): ParsedHash | null {
  const match = PHC.exec(phc);
  if (!match) return null;
  const salt = fromBase64(match[4] ?? '');
  const hash = fromBase64(match[5] ?? '');
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  const params = { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
  // A stored hash decides how much memory and time verification takes: refuse parameters beyond what this
  // service would ever write (a tampered row must not exhaust memory; Workers have 128 MB per isolate).
  if (
    params.m < 8 * params.p ||
    params.m > 65_536 ||
    params.t < 1 ||
    params.t > 10 ||
    params.p < 1 ||
    params.p > 4
  ) {
    return null;
  }
  return { params, salt, hash };
}

function derive(
  password: string,
  salt: Uint8Array,
  params: Argon2Params,
  dkLen: number,
): Promise<Uint8Array> {
  // asyncTick lets other requests run between chunks instead of blocking the event loop for the whole hash.
  return argon2idAsync(encodePassword(password), salt, {
    ...params,
    dkLen,
    version: ARGON2_VERSION,
    asyncTick: 50,
  });
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function createPasswordHasher(params: Argon2Params = OWASP_ARGON2ID): PasswordHasher {
  let dummy: Promise<string> | null = null;
  const hasher: PasswordHasher = {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      const hash = await derive(password, salt, params, HASH_BYTES);
      return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${toBase64(salt)}$${toBase64(hash)}`;
    },
    async verify(phc, password) {
      const parsed = parsePhc(phc);
      if (!parsed) return { ok: false, needsRehash: false };
      const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
      const ok = constantTimeEqual(candidate, parsed.hash);
      const current =
        parsed.params.m === params.m && parsed.params.t === params.t && parsed.params.p === params.p;
      return { ok, needsRehash: ok && !current };
    },
    async verifyDummy(password) {
      dummy ??= hasher.hash('dummy password for timing equalisation');
      await hasher.verify(await dummy, password);
    },
  };
  return hasher;
}
