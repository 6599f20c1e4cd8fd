/**
 * Ticket signing keys on Node: the configured key (`TICKET_SIGNING_KEY`, required in production), or for
 * zero-setup local runs a key pair created once and kept in `<dataDir>/ticket-keys.json`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '@movie-magic/config';
import {
  createTicketSigner,
  generateTicketKeys,
  type TicketPublicKeys,
  type TicketSigner,
  type TicketSigningKey,
  ticketPublicKeys,
} from './token.js';

/** What a composition root needs: a signer for rendering and the public keys for check-in. */
export interface TicketKeys {
  signing: TicketSigningKey;
  signer: TicketSigner;
  publicKeys: TicketPublicKeys;
}

async function devKey(config: AppConfig): Promise<TicketSigningKey> {
  const file = join(config.dataDir, 'ticket-keys.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<TicketSigningKey>;
    if (stored.privateKey && stored.keyId) return { privateKey: stored.privateKey, keyId: stored.keyId };
  } catch {
    // Absent or unreadable: create a new pair below.
  }
  const { privateKey, publicKey } = await generateTicketKeys();
  const key = { keyId: 'dev1', privateKey };
  await mkdir(config.dataDir, { recursive: true });
  // flag 'wx': when two processes start at once, the second fails here and reads the first one's key.
  try {
    await writeFile(file, `${JSON.stringify({ ...key, publicKey }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    const stored = JSON.parse(await readFile(file, 'utf8')) as TicketSigningKey;
    return { privateKey: stored.privateKey, keyId: stored.keyId };
  }
}

export async function loadOrCreateSigningKeys(config: AppConfig): Promise<TicketKeys> {
  const signing = config.tickets.signingKey
    ? { privateKey: config.tickets.signingKey, keyId: config.tickets.signingKeyId }
    : await devKey(config);
  return {
    signing,
    signer: createTicketSigner(signing),
    publicKeys: await ticketPublicKeys(signing, config.tickets.verifyKeys),
  };
}
