/** Worker dependencies for tests: the real renderer and a real SMTP mailer, a fresh signing key. */
import type { TicketWorkerDeps } from '../src/delivery/worker.js';
import { silentLogger } from '../src/logger.js';
import { createSmtpMailer } from '../src/mail/transports.js';
import { pdfTicketRenderer } from '../src/render/pdf.js';
import { createTicketSigner, generateTicketKeys, type TicketPublicKeys } from '../src/token.js';
import type { StoreHarness } from './store-harness.js';

export async function workerDeps(
  harness: StoreHarness,
  smtpUrl: string,
  overrides: Partial<TicketWorkerDeps> = {},
): Promise<{ deps: TicketWorkerDeps; publicKeys: TicketPublicKeys }> {
  const keys = await generateTicketKeys();
  return {
    publicKeys: { t1: keys.publicKey },
    deps: {
      store: harness.store,
      clock: harness.clock,
      mailer: createSmtpMailer(smtpUrl, 'Movie Magic <tickets@moviemagic.test>'),
      renderer: pdfTicketRenderer,
      signer: createTicketSigner({ privateKey: keys.privateKey, keyId: 't1' }),
      logger: silentLogger,
      workerId: `worker-${Math.random().toString(36).slice(2, 8)}`,
      ...overrides,
    },
  };
}
