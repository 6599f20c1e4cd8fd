import type { APIRequestContext } from '@playwright/test';
import { expect, newUser, register, test } from './support/fixtures.js';

type SeatMap = { seats: { id: string; status: string }[] };

/** A tRPC mutation over plain HTTP with the browser context's session cookie (as a second tab would send it). */
async function mutate<T>(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${baseURL}/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: new URL(baseURL).origin },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function seatMapOf(request: APIRequestContext, baseURL: string, showtimeId: string): Promise<SeatMap> {
  const input = encodeURIComponent(JSON.stringify({ json: { showtimeId } }));
  const response = await request.get(`${baseURL}/api/trpc/booking.seatMap?input=${input}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: SeatMap } } }).result.data.json;
}

/** Buys `count` of the show's free seats, ten per booking (the per-booking limit); returns how many are left. */
async function buySeats(request: APIRequestContext, baseURL: string, showtimeId: string, count: number) {
  const free = (await seatMapOf(request, baseURL, showtimeId)).seats
    .filter((s) => s.status === 'available')
    .map((s) => s.id);
  const wanted = free.slice(0, count);
  for (let i = 0; i < wanted.length; i += 10) {
    const hold = await mutate<{ holdId: string }>(request, baseURL, 'booking.hold', {
      showtimeId,
      seatIds: wanted.slice(i, i + 10),
    });
    await mutate(request, baseURL, 'booking.confirm', {
      holdId: hold.holdId,
      idempotencyKey: `e2e-${crypto.randomUUID()}`,
      payment: { method: 'test-card', cardNumber: '4242 4242 4242 4242' },
    });
  }
  return free.length - wanted.length;
}

test('showtimes say "Filling fast" when few seats are left and "Sold out" when none are; a sold-out seat map says so', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  await register(page, newUser('Crowd'));

  // The last movie, the day after tomorrow, its last showtime: no other spec books there.
  await page.goto('/');
  await page
    .getByRole('link', { name: /^Poster of / })
    .last()
    .click();
  const movieUrl = page.url();
  const day = page.getByRole('navigation', { name: /day/i }).getByRole('link').nth(2);
  const dayHref = (await day.getAttribute('href')) ?? '';
  await page.goto(new URL(dayHref, movieUrl).toString());
  const shows = page.locator('a[href^="/showtimes/"]');
  const href = (await shows.last().getAttribute('href')) ?? '';
  const showtimeId = href.split('/').pop() ?? '';
  expect(showtimeId).not.toBe('');
  const show = page.locator(`a[href="/showtimes/${showtimeId}"]`);
  await expect(show).not.toContainText('Filling fast');

  const seats = (await seatMapOf(page.request, base, showtimeId)).seats.length;

  // Leave 10% of the seats: the hint appears.
  const left = await buySeats(page.request, base, showtimeId, seats - Math.floor(seats / 10));
  expect(left).toBe(Math.floor(seats / 10));
  await page.reload();
  await expect(show).toContainText('Filling fast');

  // Buy the rest: the showtime is no longer a link, and says Sold out.
  await buySeats(page.request, base, showtimeId, left);
  await page.reload();
  await expect(show).toHaveCount(0);
  await expect(page.getByText('Sold out').first()).toBeVisible();

  // Someone with the old link lands on a seat map that says so.
  await page.goto(`/showtimes/${showtimeId}`);
  await expect(page.getByText('This show is sold out.')).toBeVisible();
  await expect(page.getByRole('button', { name: /, available$/ })).toHaveCount(0);
});
