/**
 * The production edge build in workerd renders the moviegoer's pages on the server, from DynamoDB, with the
 * same security headers as the Node server, and serves its assets and the API.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CookieJar, createApiClient } from '@movie-magic/api/client';
import { SEED_MOVIES } from '@movie-magic/db/seed';
import { generateTicketKeys, verifyTicketToken } from '@movie-magic/tickets';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningEdge, seededTable, startEdge } from './testing/harness.js';

/** Tomorrow's date in India: every seeded city is in Asia/Kolkata and has shows every day. */
function tomorrowInIndia(): string {
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(tomorrow);
}

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
}

describe('the edge build in workerd', () => {
  let edge: RunningEdge;
  let publicKey: string;

  beforeAll(async () => {
    const dynamoEndpoint = inject('dynamoEndpoint');
    const table = await seededTable(dynamoEndpoint, new Date());
    const keys = await generateTicketKeys();
    publicKey = keys.publicKey;
    edge = await startEdge({
      dynamoEndpoint,
      table,
      env: { TICKET_SIGNING_KEY: keys.privateKey, TICKET_SIGNING_KEY_ID: 'edge1' },
    });
  });

  afterAll(async () => {
    await edge?.stop();
  });

  async function page(path: string): Promise<{ response: Response; html: string }> {
    const response = await fetch(`${edge.url}${path}`);
    return { response, html: await response.text() };
  }

  it('renders the home page on the server with the seeded movies and an enforced nonce CSP', async () => {
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(response);
    const shown = SEED_MOVIES.filter((movie) => html.includes(movie.title));
    expect(shown.length).toBeGreaterThan(0);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    // Every inline script Remix writes carries the response's nonce, or the browser would block it.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("renders a movie page with its details and the day's showtimes, and a seat page with every seat", async () => {
    const movie = SEED_MOVIES[0];
    if (!movie) throw new Error('the seed has no movies');
    const moviePage = await page(`/movies/${movie.id}?date=${tomorrowInIndia()}`);
    expect(moviePage.response.status).toBe(200);
    expectSecurityHeaders(moviePage.response);
    expect(moviePage.html).toContain(movie.title);
    expect(moviePage.html).toContain(movie.synopsis);
    const showtimePath = /href="(\/showtimes\/[^"?/]+)"/.exec(moviePage.html)?.[1];
    expect(showtimePath).toBeTruthy();

    const seatPage = await page(showtimePath ?? '/');
    expect(seatPage.response.status).toBe(200);
    expectSecurityHeaders(seatPage.response);
    expect(seatPage.html).toContain(movie.title);
    expect(seatPage.html).toMatch(/aria-label="Row A, seat 1, [^"]+, available"/);
  });

  it('serves hashed assets with a one-year immutable cache lifetime and the security headers', async () => {
    const { html } = await page('/');
    const asset = /(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const response = await fetch(`${edge.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(response);
  });

  it('serves the API with its own strict CSP and answers an unknown page with the 404 page, not a 500', async () => {
    const api = await fetch(`${edge.url}/api/trpc/catalog.cities`);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const body = (await api.json()) as { result: { data: { json: { id: string }[] } } };
    expect(body.result.data.json.map((city) => city.id)).toContain('bengaluru');

    const missing = await page('/no-such-page');
    expect(missing.response.status).toBe(404);
    expectSecurityHeaders(missing.response);
  });

  it('lets the owner download the ticket PDF, with extractable text and a QR code that verifies', async () => {
    const jar = new CookieJar();
    const api = createApiClient({ url: `${edge.url}/api/trpc`, cookieJar: jar });
    await api.auth.register.mutate({
      email: `ticket-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'popcorn-balcony-matinee-42',
      name: 'Edge Ticket',
    });
    const movie = SEED_MOVIES[0];
    if (!movie) throw new Error('the seed has no movies');
    const moviePage = await page(`/movies/${movie.id}?date=${tomorrowInIndia()}`);
    const showtimeId = /href="\/showtimes\/([^"?/]+)"/.exec(moviePage.html)?.[1] ?? '';
    const map = await api.booking.seatMap.query({ showtimeId });
    const seatIds = map.seats
      .filter((seat) => seat.status === 'available')
      .slice(0, 2)
      .map((seat) => seat.id);
    const hold = await api.booking.hold.mutate({ showtimeId, seatIds });
    const { booking } = await api.booking.confirm.mutate({
      holdId: hold.holdId,
      idempotencyKey: crypto.randomUUID(),
      payment: { method: 'test-card', cardNumber: '4242 4242 4242 4242' },
    });

    const response = await fetch(`${edge.url}/bookings/${booking.id}/ticket.pdf`, {
      headers: { cookie: jar.header() ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expectSecurityHeaders(response);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const dir = mkdtempSync(join(tmpdir(), 'edge-ticket-'));
    try {
      writeFileSync(join(dir, 'ticket.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(dir, 'ticket.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(booking.code);
      expect(text).toContain(movie.title);
      for (const seatId of seatIds) expect(text).toContain(seatId);
      execFileSync('pdftoppm', [
        '-r',
        '150',
        '-png',
        '-singlefile',
        join(dir, 'ticket.pdf'),
        join(dir, 'ticket'),
      ]);
      const token = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'ticket.png')], {
        encoding: 'utf8',
      }).trim();
      const verified = await verifyTicketToken(token, { edge1: publicKey });
      expect(verified).toMatchObject({
        ok: true,
        keyId: 'edge1',
        payload: { bookingId: booking.id, seatCount: 2 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Signed out: sent to sign in (a redirect), never the PDF.
    const stranger = await fetch(`${edge.url}/bookings/${booking.id}/ticket.pdf`, { redirect: 'manual' });
    expect(stranger.status).toBeGreaterThanOrEqual(300);
    expect(stranger.status).toBeLessThan(500);
    expect(stranger.headers.get('content-type') ?? '').not.toContain('application/pdf');
  });
});
