import { afterAll, describe, expect, it } from 'vitest';
import { ticketFixture } from '../../test/fixtures.js';
import { decodeQr, pdfText } from '../../test/pdf-tools.js';
import { createTicketSigner, generateTicketKeys, issueTicketToken } from '../token.js';
import { createThreadedPdfRenderer } from './threaded.js';
import { buildTicketView } from './view.js';

const renderer = createThreadedPdfRenderer();
afterAll(() => renderer.close());

async function viewOf(seatIds: string[]) {
  const fixture = ticketFixture({ seatIds });
  const keys = await generateTicketKeys();
  const token = await issueTicketToken(
    fixture.booking,
    createTicketSigner({ privateKey: keys.privateKey, keyId: 'k1' }),
  );
  return { fixture, token, view: buildTicketView({ ...fixture, token, user: fixture.user }) };
}

describe('the threaded ticket renderer', () => {
  it('renders the same ticket on its thread: text and QR intact', async () => {
    const { fixture, token, view } = await viewOf(['A-2', 'F-12']);
    const pdf = await renderer.render(view);
    const text = await pdfText(pdf);
    expect(text).toContain(fixture.booking.code);
    expect(text).toContain('Recliner: A-2');
    expect((await decodeQr(pdf, 150)).zbar).toEqual([token]);
  });

  it('answers concurrent renders each with its own ticket', async () => {
    const tickets = await Promise.all([['A-1'], ['A-2', 'A-3'], ['F-10', 'F-11', 'F-12']].map(viewOf));
    const pdfs = await Promise.all(tickets.map((t) => renderer.render(t.view)));
    const texts = await Promise.all(pdfs.map(pdfText));
    expect(texts.map((text, i) => text.includes(tickets[i]?.fixture.booking.code ?? '?'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('starts a new thread after close (or a crash) and keeps rendering', async () => {
    const { fixture, view } = await viewOf(['A-1']);
    await renderer.render(view);
    await renderer.close();
    expect(await pdfText(await renderer.render(view))).toContain(fixture.booking.code);
  });
});
