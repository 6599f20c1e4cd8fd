import { describe, expect, it } from 'vitest';
import { ticketFixture } from '../../test/fixtures.js';
import { decodeQr, pdfPageCount, pdfText } from '../../test/pdf-tools.js';
import { createTicketSigner, generateTicketKeys, issueTicketToken, verifyTicketToken } from '../token.js';
import { renderTicketPdf } from './pdf.js';
import { buildTicketView, formatInr } from './view.js';

async function renderFixture(overrides: Parameters<typeof ticketFixture>[0] = {}) {
  const fixture = ticketFixture(overrides);
  const keys = await generateTicketKeys();
  const token = await issueTicketToken(
    fixture.booking,
    createTicketSigner({ privateKey: keys.privateKey, keyId: 'k1' }),
  );
  const view = buildTicketView({ ...fixture, token, user: fixture.user });
  return { fixture, keys, token, view, pdf: await renderTicketPdf(view) };
}

describe('ticket PDF', () => {
  it('is a one-page PDF of reasonable size', async () => {
    const { pdf } = await renderFixture();
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(await pdfPageCount(pdf)).toBe(1);
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('has extractable text: code, movie, theatre, seats with categories, time in the city zone, prices', async () => {
    const { pdf, fixture } = await renderFixture();
    const text = await pdfText(pdf);
    expect(text).toContain(fixture.booking.code);
    expect(text).toContain('The Monsoon Heist');
    expect(text).toContain('Galaxy Cinemas Bandra');
    expect(text).toContain('42 Hill Road, Bandra West');
    expect(text).toContain('Audi 2');
    expect(text).toContain('Recliner: A-2');
    expect(text).toContain('Classic: F-12');
    // 14:00 UTC is 7:30 PM in Asia/Kolkata (UTC+5:30).
    expect(text).toContain('Mon 14 Dec 2026');
    expect(text).toContain('7:30 PM');
    expect(text).toContain('Hindi · IMAX 2D');
    expect(text).toMatch(/₹\s?735\.40/);
  });

  it('carries a QR code that zbar and jsQR decode at 150 dpi into the verifiable token', async () => {
    const { pdf, token, keys, fixture } = await renderFixture({
      seatIds: ['A-1', 'A-2', 'A-3', 'F-10', 'F-11', 'F-12'],
    });
    const decoded = await decodeQr(pdf, 150);
    expect(decoded.zbar).toEqual([token]);
    expect(decoded.jsqr).toBe(token);
    expect(await verifyTicketToken(decoded.zbar[0] ?? '', { k1: keys.publicKey })).toMatchObject({
      ok: true,
      payload: { bookingId: fixture.booking.id, seatCount: 6, version: 1 },
    });
  });

  it('prints the price breakdown in rupees with Indian digit grouping', async () => {
    const { pdf, view } = await renderFixture({ seatIds: ['A-1', 'A-2', 'A-3', 'A-4'] });
    expect(view.prices[0]).toEqual({ label: '4 tickets', amount: '₹1,800.00' });
    expect(formatInr(12_345_600)).toBe('₹1,23,456.00');
    expect(await pdfText(pdf)).toMatch(/₹\s?1,800\.00/);
  });
});
