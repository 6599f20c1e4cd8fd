import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@movie-magic/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../test/smtp.js';
import { openStoreHarness, type StoreHarness } from '../test/store-harness.js';
import {
  createMailer,
  createTicketDelivery,
  devMailDir,
  generateTicketKeys,
  listDevMail,
  loadOrCreateSigningKeys,
  passwordResetEmail,
  pdfTicketRenderer,
  signTicketToken,
  silentLogger,
  verifyTicketToken,
} from './node.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mm-node-entry-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const payload = { bookingId: 'bk_1', showtimeId: 'st_1', seatCount: 1, version: 1 };

describe('signing keys on Node', () => {
  it('creates a dev key pair once under DATA_DIR and reuses it on the next start', async () => {
    const config = parseConfig({ DATA_DIR: dataDir });
    const first = await loadOrCreateSigningKeys(config);
    const stored = JSON.parse(await readFile(join(dataDir, 'ticket-keys.json'), 'utf8'));
    expect(stored).toMatchObject({ keyId: 'dev1', privateKey: first.signing.privateKey });
    const second = await loadOrCreateSigningKeys(config);
    expect(second.signing).toEqual(first.signing);
    const token = await first.signer.sign(payload);
    expect(await verifyTicketToken(token, second.publicKeys)).toMatchObject({ ok: true, keyId: 'dev1' });
  });

  it('uses the configured key and also accepts the listed retired keys', async () => {
    const current = await generateTicketKeys();
    const retired = await generateTicketKeys();
    const config = parseConfig({
      DATA_DIR: dataDir,
      TICKET_SIGNING_KEY: current.privateKey,
      TICKET_SIGNING_KEY_ID: 'k2',
      TICKET_VERIFY_KEYS: `k1:${retired.publicKey}`,
    });
    const keys = await loadOrCreateSigningKeys(config);
    expect(keys.publicKeys).toEqual({ k1: retired.publicKey, k2: current.publicKey });
    const old = await signTicketToken(payload, { privateKey: retired.privateKey, keyId: 'k1' });
    expect(await verifyTicketToken(old, keys.publicKeys)).toMatchObject({ ok: true, keyId: 'k1' });
    await expect(readFile(join(dataDir, 'ticket-keys.json'))).rejects.toThrow();
  });
});

describe('createMailer', () => {
  it('writes to the dev mailbox under DATA_DIR/mail by default', async () => {
    const config = parseConfig({ DATA_DIR: dataDir });
    await createMailer(config).send(
      passwordResetEmail({ to: 'dev@example.test', name: 'Dev', link: 'https://x.test/r' }),
    );
    expect(await listDevMail(devMailDir(config))).toMatchObject([
      { to: 'dev@example.test', subject: 'Reset your Movie Magic password' },
    ]);
  });

  it('sends through SMTP_URL when MAIL_TRANSPORT=smtp', async () => {
    const smtp = await startSmtpServer();
    try {
      const config = parseConfig({
        DATA_DIR: dataDir,
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'MM <mm@example.test>',
      });
      await createMailer(config).send(
        passwordResetEmail({ to: 'smtp@example.test', name: 'S', link: 'https://x.test/r' }),
      );
      const [mail] = await smtp.waitFor(1);
      expect(mail?.from?.text).toBe('"MM" <mm@example.test>');
    } finally {
      await smtp.stop();
    }
  });
});

describe('createTicketDelivery (the Node composition the web app starts)', () => {
  let harness: StoreHarness;
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    harness = await openStoreHarness();
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await smtp.stop();
    await harness.close();
  });

  it('delivers a booking committed after start when notified, through the inline transport', async () => {
    const config = parseConfig({ DATA_DIR: dataDir, MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    const keys = await loadOrCreateSigningKeys(config);
    const delivery = createTicketDelivery({
      config,
      store: harness.store,
      clock: harness.clock,
      mailer: createMailer(config),
      renderer: pdfTicketRenderer,
      signer: keys.signer,
      logger: silentLogger,
    });
    await delivery.start();
    try {
      const { booking } = await harness.book();
      delivery.dispatcher.notify();
      const [mail] = await smtp.waitFor(1);
      expect(mail?.attachments.map((a) => a.filename)).toContain(`MovieMagic-${booking.code}.pdf`);
    } finally {
      await delivery.stop();
    }
    expect(delivery.queue?.pending).toBe(0);
  });
});
