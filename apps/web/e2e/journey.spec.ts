import { readFileSync } from 'node:fs';
import {
  availableSeats,
  checkStep,
  expect,
  newUser,
  openTomorrowsFirstShow,
  register,
  test,
} from './support/fixtures.js';

test('a new moviegoer registers, books two seats, downloads the ticket and cancels the booking', async ({
  page,
}) => {
  const spec = 'journey';
  const user = newUser('Journey');

  await page.goto('/register');
  await checkStep(page, spec, '01-register');
  await register(page, user);

  // City: remembered in a cookie (and the profile), so the home page follows the choice.
  await page.getByLabel('City').selectOption({ label: 'Hyderabad' });
  await expect(page.getByRole('heading', { level: 1, name: 'Movies in Hyderabad' })).toBeVisible();
  await checkStep(page, spec, '02-home');

  // Filters work as links: choosing a language narrows the list, "All" restores it.
  const allCount = await page.getByRole('link', { name: /^Poster of / }).count();
  await page.getByRole('navigation', { name: 'Filter movies' }).getByRole('link', { name: 'Telugu' }).click();
  await expect(page).toHaveURL(/language=Telugu/);
  const teluguCount = await page.getByRole('link', { name: /^Poster of / }).count();
  expect(teluguCount).toBeGreaterThan(0);
  expect(teluguCount).toBeLessThanOrEqual(allCount);
  await page.goto('/');

  await page
    .getByRole('link', { name: /^Poster of / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Showtimes in Hyderabad' })).toBeVisible();
  await page.getByRole('link', { name: /^Tomorrow/ }).click();
  await expect(page.getByRole('link', { name: /^Tomorrow/ })).toHaveAttribute('aria-current', 'page');
  await checkStep(page, spec, '03-movie');

  await page
    .getByRole('link', { name: /^\d{1,2}:\d{2}\s*(am|pm)\b/i })
    .first()
    .click();
  await expect(page.getByRole('group', { name: 'Seats' })).toBeVisible();
  const first = availableSeats(page).first();
  const firstName = (await first.getAttribute('aria-label')) ?? '';
  await first.click();
  await expect(
    page.getByRole('button', { name: firstName.replace(/available$/, 'selected') }),
  ).toHaveAttribute('aria-pressed', 'true');
  await availableSeats(page).first().click();
  await expect(page.getByText(/^2 seats:/)).toBeVisible();
  await checkStep(page, spec, '04-seats');

  await page.getByRole('button', { name: 'Hold seats and review' }).click();
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByText('Convenience fee')).toBeVisible();
  await expect(page.getByText('GST on the fee (18%)')).toBeVisible();
  // The review shows the hold's price breakdown; the charged total must be the same (checked below).
  const reviewTotal = await page.getByRole('definition').filter({ hasText: /^₹/ }).last().textContent();
  await checkStep(page, spec, '05-review');

  await page.getByRole('link', { name: 'Continue to payment' }).click();
  await expect(page.getByText('This is a TEST payment gateway. No real money moves.')).toBeVisible();
  // A declined card explains itself and keeps the hold.
  await page.getByLabel('Card number').fill('4000 0000 0000 0002');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('alert')).toContainText('declined');
  await expect(page.getByRole('timer')).toBeVisible();
  await checkStep(page, spec, '06-payment-declined');

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('heading', { name: 'Enjoy the show!' })).toBeVisible();
  await expect(page.getByText(`Your ticket is on its way to ${user.email}.`)).toBeVisible();
  const code = (await page.locator('p.font-mono').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{5,12}$/);
  const chargedTotal = await page.getByRole('definition').filter({ hasText: /^₹/ }).last().textContent();
  expect(chargedTotal).toBe(reviewTotal);
  await checkStep(page, spec, '07-confirmation');

  await page.getByRole('link', { name: 'My bookings' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'My bookings' })).toBeVisible();
  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  await expect(upcoming.getByText(`Booking code ${code}`)).toBeVisible();
  await checkStep(page, spec, '08-my-bookings');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: `Download ticket for booking ${code}` }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`MovieMagic-${code}.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.getByRole('link', { name: `Cancel booking ${code}` }).click();
  await expect(page.getByRole('heading', { name: 'Cancel this booking?' })).toBeVisible();
  await checkStep(page, spec, '09-cancel-confirm');
  await page.getByRole('button', { name: `Yes, cancel booking ${code}` }).click();
  await expect(page.getByText(`Booking ${code} was cancelled.`)).toBeVisible();
  const past = page.getByRole('region', { name: 'Past and cancelled' });
  await expect(past.getByText(`Booking code ${code}`)).toBeVisible();
  await expect(past.getByText('Cancelled', { exact: true })).toBeVisible();
  await checkStep(page, spec, '10-cancelled');
});

test('pages for unknown movies and links show a friendly 404 with the right status', async ({ page }) => {
  const response = await page.goto('/movies/no-such-movie');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: "We couldn't find that" })).toBeVisible();
  await checkStep(page, 'errors', '404-movie');
  const other = await page.goto('/this/path/does/not/exist');
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Back to movies' })).toBeVisible();
});

test('every response carries the security headers and the request id', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers['access-control-allow-origin']).toBeUndefined();
  const html = await response.text();
  const asset =
    /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const assetResponse = await request.get(asset ?? '');
  expect(assetResponse.headers()['cache-control']).toContain('immutable');
});

test('the seat limit per booking is enforced with a clear message', async ({ page }) => {
  await register(page, newUser('Limit'));
  await openTomorrowsFirstShow(page);
  const limit = 10;
  for (let i = 0; i < limit; i++) await availableSeats(page).first().click();
  await expect(page.getByText(new RegExp(`^${limit} seats:`))).toBeVisible();
  const extra = availableSeats(page).first();
  const extraName = (await extra.getAttribute('aria-label')) ?? '';
  await extra.click();
  await expect(
    page.getByRole('status').filter({ hasText: `You can book at most ${limit} seats at a time` }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: extraName })).toHaveAttribute('aria-pressed', 'false');
});
