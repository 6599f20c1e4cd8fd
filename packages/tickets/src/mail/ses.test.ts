import { simpleParser } from 'mailparser';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGION, SES_SEND_URL, TEST_CREDENTIALS } from '../../test/aws.js';
import { ticketFixture } from '../../test/fixtures.js';
import { decodeQr, pdfText } from '../../test/pdf-tools.js';
import { renderTicketPdf } from '../render/pdf.js';
import { buildTicketView } from '../render/view.js';
import { createTicketSigner, generateTicketKeys, issueTicketToken } from '../token.js';
import { IDEMPOTENCY_HEADER } from './mime.js';
import { ticketEmail } from './ticket-email.js';
import { createSesMailer } from './transports.js';

const aws = setupServer();
beforeAll(() => aws.listen({ onUnhandledFrame: 'error' }));
afterEach(() => aws.resetHandlers());
afterAll(() => aws.close());

describe('the SES v2 transport', () => {
  it('sends SendEmail with the sender, the recipient and the complete raw MIME message', async () => {
    const requests: { body: Record<string, unknown>; headers: Headers }[] = [];
    aws.use(
      http.post(SES_SEND_URL, async ({ request }) => {
        requests.push({ body: (await request.json()) as Record<string, unknown>, headers: request.headers });
        return HttpResponse.json({ MessageId: 'ses-0001' });
      }),
    );
    const fixture = ticketFixture();
    const keys = await generateTicketKeys();
    const token = await issueTicketToken(
      fixture.booking,
      createTicketSigner({ privateKey: keys.privateKey, keyId: 'k1' }),
    );
    const view = buildTicketView({ ...fixture, token, user: fixture.user });
    const mailer = createSesMailer({
      region: REGION,
      from: 'Movie Magic <tickets@moviemagic.test>',
      credentials: TEST_CREDENTIALS,
    });

    const result = await mailer.send(
      ticketEmail(view, await renderTicketPdf(view), { idempotencyKey: 'ticket-job_9' }),
    );
    expect(result).toEqual({ messageId: 'ses-0001' });

    expect(requests).toHaveLength(1);
    const { body, headers } = requests[0] ?? { body: {}, headers: new Headers() };
    expect(Object.keys(body).sort()).toEqual(['Content', 'Destination', 'FromEmailAddress']);
    expect(body.FromEmailAddress).toBe('Movie Magic <tickets@moviemagic.test>');
    expect(body.Destination).toEqual({ ToAddresses: [fixture.user.email] });
    expect(headers.get('content-type')).toContain('application/json');
    expect(headers.get('authorization')).toMatch(
      /Credential=AKIDMOVIEMAGICTEST\/\d{8}\/ap-south-1\/ses\/aws4_request/,
    );

    const raw = (body.Content as { Raw: { Data: string } }).Raw.Data;
    const mail = await simpleParser(Buffer.from(raw, 'base64'));
    expect(mail.subject).toBe('Your tickets: The Monsoon Heist, Galaxy Cinemas Bandra, Mon 14 Dec, 7:30 PM');
    expect(mail.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('ticket-job_9');
    expect(mail.text).toContain(fixture.booking.code);
    expect(mail.html).toContain('The Monsoon Heist');
    const pdf = new Uint8Array(
      mail.attachments.find((a) => a.contentType === 'application/pdf')?.content ?? [],
    );
    expect(await pdfText(pdf)).toContain(fixture.booking.code);
    expect((await decodeQr(pdf)).zbar).toEqual([token]);
  });

  it('surfaces an SES rejection as an error the worker records', async () => {
    aws.use(
      http.post(SES_SEND_URL, () =>
        HttpResponse.json(
          { message: 'Email address is not verified.' },
          { status: 400, headers: { 'x-amzn-errortype': 'MessageRejected' } },
        ),
      ),
    );
    const mailer = createSesMailer({
      region: REGION,
      from: 'tickets@moviemagic.test',
      credentials: TEST_CREDENTIALS,
    });
    await expect(
      mailer.send({ to: 'x@example.test', subject: 's', text: 't', html: '<p>t</p>' }),
    ).rejects.toThrow(/not verified/);
  });
});
