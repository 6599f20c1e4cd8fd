/**
 * Hold expiry with real time: this spec starts its own production server with HOLD_MINUTES=1 (the
 * smallest the configuration allows), so the countdown really runs out. No test clock is injected into the
 * server: the production build is exercised exactly as it runs.
 */

import {
  availableSeats,
  test as base,
  expect,
  newUser,
  openTomorrowsFirstShow,
  register,
} from './support/fixtures.js';
import { type RunningServer, startServer } from './support/server.js';

const test = base.extend<object, { expiryServer: RunningServer }>({
  expiryServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const server = await startServer({ HOLD_MINUTES: '1' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ expiryServer }, use) => {
    await use(expiryServer.url);
  },
});

test('when the hold runs out on the review page the user is told and sent back to the seat map', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await register(page, newUser('Expiry'));
  await openTomorrowsFirstShow(page);
  const seat = availableSeats(page).first();
  const seatName = (await seat.getAttribute('aria-label')) ?? '';
  await seat.click();
  await page.getByRole('button', { name: 'Hold seats and review' }).click();
  await expect(page.getByRole('timer')).toHaveText(/^[01]:\d\d$/);

  await expect(page.getByRole('alert')).toContainText('Your hold has expired', { timeout: 75_000 });
  await expect(page).toHaveURL(/\/showtimes\/[^/?]+\?reason=expired$/, { timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Your hold on the seats ran out' })).toBeVisible();
  // The released seat is free again for everyone, the user included.
  await expect(page.getByRole('button', { name: seatName })).toBeVisible();
});
