import {
  availableSeats,
  expect,
  newUser,
  openTomorrowsFirstShow,
  register,
  test,
} from './support/fixtures.js';

test('a seat held in one browser turns unavailable in another without a reload, and the second cannot buy it', async ({
  browser,
  baseURL,
}) => {
  const alice = await browser.newContext({ baseURL });
  const bob = await browser.newContext({ baseURL });
  const a = await alice.newPage();
  const b = await bob.newPage();
  await register(a, newUser('Alice'));
  await register(b, newUser('Bob'));

  const showUrl = await openTomorrowsFirstShow(a);
  await b.goto(showUrl);
  await expect(b.getByRole('group', { name: 'Seats' })).toBeVisible();

  // Bob picks a seat first (only in his browser), then Alice holds that same seat.
  const seat = availableSeats(b).first();
  const seatName = (await seat.getAttribute('aria-label')) ?? '';
  const seatPrefix = seatName.replace(/, available$/, '');
  await seat.click();
  await expect(b.getByRole('button', { name: `${seatPrefix}, selected` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await a.getByRole('button', { name: seatName }).click();
  await a.getByRole('button', { name: 'Hold seats and review' }).click();
  await expect(a.getByRole('heading', { name: 'Summary' })).toBeVisible();

  // Bob's map follows within a few seconds, with no reload: the seat is held, his selection is dropped.
  await expect(b.getByRole('button', { name: `${seatPrefix}, held by someone else` })).toBeVisible({
    timeout: 6_000,
  });
  await expect(b.getByRole('button', { name: `${seatPrefix}, held by someone else` })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(b.getByRole('status').filter({ hasText: 'was just taken by someone else' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Hold seats and review' })).toBeDisabled();

  // Clicking the held seat does nothing, and the API refuses a direct attempt with a CONFLICT.
  await b.getByRole('button', { name: `${seatPrefix}, held by someone else` }).click({ force: true });
  await expect(b.getByRole('button', { name: 'Hold seats and review' })).toBeDisabled();
  const showtimeId = new URL(showUrl).pathname.split('/')[2] ?? '';
  const seatId = `${/Row ([A-Z]+)/.exec(seatName)?.[1]}-${/seat (\d+)/.exec(seatName)?.[1]}`;
  const attempt = await b.request.post('/api/trpc/booking.hold', {
    headers: { Origin: baseURL ?? '', 'Content-Type': 'application/json' },
    data: { json: { showtimeId, seatIds: [seatId] } },
  });
  expect(attempt.status()).toBe(409);
  const body = await attempt.json();
  expect(body.error.json.data.domainCode).toBe('SEAT_UNAVAILABLE');
  expect(body.error.json.data.unavailableSeatIds).toEqual([seatId]);

  await alice.close();
  await bob.close();
});
