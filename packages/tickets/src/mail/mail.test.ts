import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFixture } from '../../test/fixtures.js';
import { parseIcs } from '../../test/ics.js';
import { decodeQr, pdfText } from '../../test/pdf-tools.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { renderTicketPdf } from '../render/pdf.js';
import { buildTicketView } from '../render/view.js';
import { createTicketSigner, generateTicketKeys, issueTicketToken } from '../token.js';
import { createDevMailer, listDevMail, readDevMail } from './dev-mailbox.js';
import { IDEMPOTENCY_HEADER } from './mime.js';
import { passwordResetEmail } from './password-reset-email.js';
import { cancellationEmail, ticketEmail } from './ticket-email.js';
import { createSmtpMailer } from './transports.js';

const FROM = 'Movie Magic <tickets@moviemagic.test>';
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

async function ticketView() {
  const fixture = ticketFixture();
  const keys = await generateTicketKeys();
  const token = await issueTicketToken(
    fixture.booking,
    createTicketSigner({ privateKey: keys.privateKey, keyId: 'k1' }),
  );
  return { fixture, token, view: buildTicketView({ ...fixture, token, user: fixture.user }) };
}

async function deliver(message: Parameters<ReturnType<typeof createSmtpMailer>['send']>[0]) {
  const before = smtp.received.length;
  await createSmtpMailer(smtp.url, FROM).send(message);
  const received = await smtp.waitFor(before + 1);
  const mail = received.find(
    (m) => m.subject === message.subject && m.to && !Array.isArray(m.to) && m.to.text === message.to,
  );
  if (!mail) throw new Error('message not received');
  return mail;
}

describe('ticket e-mail over real SMTP', () => {
  it('arrives with the subject, both bodies, the PDF ticket and a calendar event', async () => {
    const { fixture, token, view } = await ticketView();
    const pdf = await renderTicketPdf(view);
    const mail = await deliver(
      ticketEmail(view, pdf, { idempotencyKey: 'ticket-job_1', appOrigin: 'https://mm.test' }),
    );

    expect(mail.subject).toBe('Your tickets: The Monsoon Heist, Galaxy Cinemas Bandra, Mon 14 Dec, 7:30 PM');
    expect(mail.from?.text).toBe('"Movie Magic" <tickets@moviemagic.test>');
    expect(mail.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('ticket-job_1');
    expect(mail.text).toContain(`Booking code: ${fixture.booking.code}`);
    expect(mail.text).toContain('Recliner: A-2; Classic: F-12');
    expect(mail.text).toContain('Total paid: ₹735.40');
    expect(mail.html).toContain('<h1 style="font-size:22px;margin:0 0 4px">The Monsoon Heist</h1>');
    expect(mail.html).toContain('href="https://mm.test/bookings"');

    const attachment = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attachment?.filename).toBe(`MovieMagic-${fixture.booking.code}.pdf`);
    const attachedPdf = new Uint8Array(attachment?.content ?? []);
    expect(await pdfText(attachedPdf)).toContain(fixture.booking.code);
    expect((await decodeQr(attachedPdf)).zbar).toEqual([token]);

    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    const event = parseIcs(ics?.content.toString('utf8') ?? '');
    expect(event.method).toBe('PUBLISH');
    expect(event.start?.toISOString()).toBe('2026-12-14T14:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-14T16:22:00.000Z');
    expect(event.location).toBe('Galaxy Cinemas Bandra, 42 Hill Road, Bandra West, Mumbai 400050');
    expect(event.uid).toBe(`booking-${fixture.booking.id}@moviemagic`);
  });

  it('sends the cancellation notice with a calendar cancel for the same event and no ticket', async () => {
    const { fixture, view } = await ticketView();
    const mail = await deliver(cancellationEmail({ ...view, status: 'cancelled' }));
    expect(mail.subject).toBe(
      'Booking cancelled: The Monsoon Heist, Galaxy Cinemas Bandra, Mon 14 Dec, 7:30 PM',
    );
    expect(mail.text).toContain(`Your booking ${fixture.booking.code} is cancelled`);
    expect(mail.attachments.some((a) => a.contentType === 'application/pdf')).toBe(false);
    const event = parseIcs(mail.attachments[0]?.content.toString('utf8') ?? '');
    expect(event).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `booking-${fixture.booking.id}@moviemagic`,
    });
  });

  it('sends the password reset with the link in both bodies, escaped in HTML', async () => {
    const link = 'https://mm.test/reset?token=abc&x=<1>';
    const mail = await deliver(passwordResetEmail({ to: 'reset-me@example.test', name: 'Ravi <b>', link }));
    expect(mail.subject).toBe('Reset your Movie Magic password');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('href="https://mm.test/reset?token=abc&amp;x=&lt;1&gt;"');
    expect(mail.html).toContain('Hi Ravi &lt;b&gt;,');
    expect(mail.html).not.toContain('<b>,');
  });

  it('refuses to build a booking mail without a recipient', async () => {
    const { view } = await ticketView();
    expect(() => cancellationEmail({ ...view, recipient: null })).toThrow(/no recipient/);
  });
});

describe('dev mailbox', () => {
  it('stores each message as an .eml file and lists and reads it back with its attachments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mm-mail-'));
    try {
      const { fixture, view } = await ticketView();
      const mailer = createDevMailer(dir, FROM);
      await mailer.send(passwordResetEmail({ to: 'a@example.test', name: 'A', link: 'https://mm.test/r' }));
      await mailer.send(ticketEmail(view, await renderTicketPdf(view)));
      expect((await readdir(dir)).filter((f) => f.endsWith('.eml'))).toHaveLength(2);

      const listed = await listDevMail(dir);
      expect(listed.map((m) => m.subject)).toEqual([
        'Your tickets: The Monsoon Heist, Galaxy Cinemas Bandra, Mon 14 Dec, 7:30 PM',
        'Reset your Movie Magic password',
      ]);
      const mail = await readDevMail(dir, listed[0]?.id ?? '');
      expect(mail?.to).toBe(fixture.user.email);
      expect(mail?.html).toContain('The Monsoon Heist');
      expect(mail?.attachments.map((a) => a.filename)).toEqual([
        `MovieMagic-${fixture.booking.code}.pdf`,
        'movie.ics',
      ]);
      expect(await pdfText(mail?.attachments[0]?.content ?? new Uint8Array())).toContain(
        fixture.booking.code,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns nothing for unknown or path-like ids and an empty list for a missing folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mm-mail-'));
    try {
      expect(await readDevMail(dir, '../../etc/passwd')).toBeNull();
      expect(await readDevMail(dir, '1700000000000-abcdefgh')).toBeNull();
      expect(await listDevMail(join(dir, 'missing'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
