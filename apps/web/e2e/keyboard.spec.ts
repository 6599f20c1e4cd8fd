import type { Page } from '@playwright/test';
import { expect, newUser, openTomorrowsFirstShow, register, test } from './support/fixtures.js';

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (el: { role: string | null; name: string; tag: string }) => boolean,
  limit = 80,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        role: el?.getAttribute('role') ?? null,
        name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
        tag: el?.tagName.toLowerCase() ?? '',
      };
    });
    if (matches(focused)) return focused;
  }
  throw new Error('focus never reached the expected element');
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
}

test('a seat map booking can be completed with the keyboard alone', async ({ page }) => {
  await register(page, newUser('Keys'));
  const showUrl = await openTomorrowsFirstShow(page);
  await page.goto(showUrl);

  // One Tab stop for the whole map: the first seat.
  const first = await tabTo(page, (el) => el.tag === 'button' && el.name.startsWith('Row '));
  expect(first.name).toMatch(/^Row [A-Z]+, seat \d+, /);

  // Arrow keys move between seats; Down goes to the next row.
  await page.keyboard.press('ArrowRight');
  const right = await focusedName(page);
  expect(right).not.toBe(first.name);
  await page.keyboard.press('ArrowDown');
  const down = await focusedName(page);
  expect(/^Row ([A-Z]+)/.exec(down)?.[1]).not.toBe(/^Row ([A-Z]+)/.exec(right)?.[1]);

  // Walk right until an available seat, select it with Enter, then the next one with Space.
  const selected: string[] = [];
  for (const key of ['Enter', ' ']) {
    for (let i = 0; i < 40 && !(await focusedName(page)).endsWith(', available'); i++) {
      await page.keyboard.press('ArrowRight');
    }
    const name = await focusedName(page);
    expect(name).toMatch(/, available$/);
    await page.keyboard.press(key);
    const prefix = name.replace(/, available$/, '');
    await expect(page.getByRole('button', { name: `${prefix}, selected` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    selected.push(prefix);
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByText(/^2 seats:/)).toBeVisible();

  // Tab leaves the map (one stop) and reaches the hold button.
  await tabTo(page, (el) => el.tag === 'button' && el.name === 'Hold seats and review');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();

  await tabTo(page, (el) => el.tag === 'a' && el.name === 'Continue to payment');
  await page.keyboard.press('Enter');
  await expect(page.getByText('This is a TEST payment gateway. No real money moves.')).toBeVisible();

  await tabTo(page, (el) => el.tag === 'input');
  await page.keyboard.type('4242 4242 4242 4242');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enjoy the show!' })).toBeVisible();
  for (const prefix of selected) {
    const seatLabel = /^Row ([A-Z]+), seat (\d+)/.exec(prefix);
    await expect(
      page.getByText(`${seatLabel?.[1]}${seatLabel?.[2]} (`, { exact: false }).first(),
    ).toBeVisible();
  }
});
