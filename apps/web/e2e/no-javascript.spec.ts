import { bookOneSeat, expect, newUser, register, test } from './support/fixtures.js';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in, the city picker, the filters and cancelling a booking still work', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The booking itself needs the interactive seat map: make it in a JavaScript browser first.
    const user = newUser('NoJs');
    const withJs = await browser.newContext({ baseURL, javaScriptEnabled: true });
    const setup = await withJs.newPage();
    await register(setup, user);
    const code = await bookOneSeat(setup);
    await withJs.close();

    await page.goto('/login');
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.getByLabel('City').selectOption({ label: 'Chennai' });
    await page.getByRole('button', { name: 'Change city' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Movies in Chennai' })).toBeVisible();

    const filters = page.getByRole('navigation', { name: 'Filter movies' });
    const format =
      (await filters
        .getByRole('link')
        .filter({ hasText: /^(2D|3D|IMAX 2D|IMAX 3D|4DX)$/ })
        .first()
        .textContent()) ?? '';
    await filters.getByRole('link', { name: format, exact: true }).click();
    await expect(page).toHaveURL(/[?&]format=/);
    expect(new URL(page.url()).searchParams.get('format')).toBe(format);
    await expect(filters.getByRole('link', { name: format, exact: true })).toHaveAttribute(
      'aria-current',
      'true',
    );

    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.getByRole('link', { name: `Cancel booking ${code}` }).click();
    await page.getByRole('button', { name: `Yes, cancel booking ${code}` }).click();
    await expect(page.getByText(`Booking ${code} was cancelled.`)).toBeVisible();
  });
});

test("someone else's ticket and booking pages are a 404", async ({ page, browser, baseURL }) => {
  await register(page, newUser('Owner'));
  await bookOneSeat(page);
  const bookingId = /\/bookings\/([^/]+)\/confirmation/.exec(page.url())?.[1] ?? '';
  expect(bookingId).not.toBe('');
  const own = await page.request.get(`/bookings/${bookingId}/ticket.pdf`);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toBe('application/pdf');

  const strangerContext = await browser.newContext({ baseURL });
  const stranger = await strangerContext.newPage();
  await register(stranger, newUser('Stranger'));
  const ticket = await stranger.request.get(`/bookings/${bookingId}/ticket.pdf`);
  expect(ticket.status()).toBe(404);
  const cancel = await stranger.goto(`/bookings/${bookingId}/cancel`);
  expect(cancel?.status()).toBe(404);
  const confirmation = await stranger.goto(`/bookings/${bookingId}/confirmation`);
  expect(confirmation?.status()).toBe(404);
  await strangerContext.close();
});
