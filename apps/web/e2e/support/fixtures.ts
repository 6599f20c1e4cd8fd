/** Shared test fixtures: the server's URL as baseURL, and helpers that act like a moviegoer would. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export const test = base.extend<{ consoleErrors: string[] }>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
  // Like epic-stack's tests: an unexpected console error (a CSP violation, a hydration mismatch, an uncaught
  // exception) fails the test. HTTP error statuses the test provokes on purpose (404, 402) are expected.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        // The dev mailbox shows e-mail HTML in a sandboxed frame; the browser reports the scripts it blocks
        // there (test tooling injects some), which is the sandbox doing its job.
        const sandboxed = /^Blocked script execution in '[^']*\/dev\/mail\//.test(text);
        if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !sandboxed) {
          errors.push(text);
        }
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(errors);
      expect(errors, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

const artifacts = resolve(import.meta.dirname, '../artifacts');

let counter = 0;
/** A unique, valid e-mail and a password no breach list has. */
export function newUser(label: string) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `${label} ${tag}`,
    email: `${label.toLowerCase()}.${tag}@example.com`,
    password: `Popcorn-${tag}-Screen!`,
  };
}

/** axe-core (WCAG 2.x A/AA rules) finds no violations on the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Screenshots of the current step at a 360 px phone width and at desktop width. */
export async function screenshotStep(page: Page, spec: string, step: string) {
  const dir = resolve(artifacts, 'screenshots', spec);
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 360, height: 780 });
  // Nothing may stick out sideways on a 360 px phone (the seat map scrolls inside its own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page is ${overflow}px wider than a 360 px phone`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: resolve(dir, `${step}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: resolve(dir, `${step}-desktop.png`), fullPage: true });
  await page.setViewportSize(original);
}

/** Both checks for a step of the journey. */
export async function checkStep(page: Page, spec: string, step: string) {
  await expectNoA11yViolations(page);
  await screenshotStep(page, spec, step);
}

export async function register(page: Page, user: ReturnType<typeof newUser>) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Home -> first movie -> Tomorrow -> first showtime with seats: ends on the seat map. */
export async function openTomorrowsFirstShow(page: Page) {
  await page.goto('/');
  await page
    .getByRole('link', { name: /^Poster of / })
    .first()
    .click();
  await page.getByRole('link', { name: /^Tomorrow/ }).click();
  await expect(page.getByRole('link', { name: /^Tomorrow/ })).toHaveAttribute('aria-current', 'page');
  await page
    .getByRole('link', { name: /^\d{1,2}:\d{2}\s*(am|pm)\b/i })
    .first()
    .click();
  await expect(page.getByRole('group', { name: 'Seats' })).toBeVisible();
  return page.url();
}

/** The accessible seat buttons that are free right now. */
export function availableSeats(page: Page) {
  return page.getByRole('button', { name: /, available$/ });
}

/** Books the first free seat of tomorrow's first show with the approving test card; returns the code. */
export async function bookOneSeat(page: Page): Promise<string> {
  await openTomorrowsFirstShow(page);
  await availableSeats(page).first().click();
  await page.getByRole('button', { name: 'Hold seats and review' }).click();
  await page.getByRole('link', { name: 'Continue to payment' }).click();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('heading', { name: 'Enjoy the show!' })).toBeVisible();
  return ((await page.locator('p.font-mono').first().textContent()) ?? '').trim();
}
