import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookOneSeat, checkStep, expect, newUser, register, test } from './support/fixtures.js';
import { addStaffUser } from './support/staff.js';

test('the ticket e-mail with its PDF and calendar event shows up in the dev mailbox', async ({ page }) => {
  const user = newUser('Mail');
  await register(page, user);
  const code = await bookOneSeat(page);

  await page.goto('/dev/mail');
  const mail = page.getByRole('link', {
    name: new RegExp(`Your tickets: .*To ${user.email.replace('.', '\\.')}`),
  });
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await checkStep(page, 'tickets', '01-dev-mail');
  await mail.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Your tickets: / })).toBeVisible();
  await expect(page.getByRole('link', { name: /\.pdf$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /\.ics$/ })).toBeVisible();
  await expect(page.getByText(code).first()).toBeVisible();
});

test('staff check a booking in once; a second scan says so; customers cannot open the check-in page', async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = newUser('Guest');
  await register(page, customer);
  const code = await bookOneSeat(page);
  const denied = await page.goto('/staff/checkin');
  expect(denied?.status()).toBe(404);

  const staff = newUser('Usher');
  addStaffUser(process.env.E2E_DATA_DIR ?? '', staff);
  const context = await browser.newContext({ baseURL });
  const door = await context.newPage();
  await door.goto('/login');
  await door.getByLabel('E-mail').fill(staff.email);
  await door.getByLabel('Password').fill(staff.password);
  await door.getByRole('button', { name: 'Sign in' }).click();
  await door.getByRole('link', { name: 'Check-in' }).click();

  await door.getByLabel('Booking code or ticket token').fill(code);
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.getByRole('heading', { name: 'ADMIT' })).toBeVisible();
  await checkStep(door, 'tickets', '02-checkin-ok');

  await door.getByLabel('Booking code or ticket token').fill(code);
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.getByRole('heading', { name: 'ALREADY CHECKED IN' })).toBeVisible();
  await expect(door.getByText(/^First checked in at /)).toBeVisible();

  await door.getByLabel('Booking code or ticket token').fill('ZZZZ9999');
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.getByRole('heading', { name: 'INVALID TICKET' })).toBeVisible();
  await context.close();
});

/** The QR token printed on a ticket PDF, read the way a door scanner would: 150 dpi raster, zbarimg. */
function qrTokenOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-ticket-'));
  try {
    writeFileSync(join(dir, 'ticket.pdf'), pdf);
    const quiet: { stdio: ('ignore' | 'pipe')[] } = { stdio: ['ignore', 'pipe', 'pipe'] };
    execFileSync(
      'pdftoppm',
      ['-r', '150', '-png', '-singlefile', join(dir, 'ticket.pdf'), join(dir, 'page')],
      quiet,
    );
    return execFileSync('zbarimg', ['-q', '--raw', join(dir, 'page.png')], {
      ...quiet,
      encoding: 'utf8',
    }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the QR on the downloaded ticket admits once at the door, and scans as cancelled after cancelling', async ({
  page,
  browser,
  baseURL,
}) => {
  await register(page, newUser('Qr'));
  const code = await bookOneSeat(page);
  const bookingId = /\/bookings\/([^/]+)\/confirmation/.exec(page.url())?.[1] ?? '';
  const pdf = await page.request.get(`/bookings/${bookingId}/ticket.pdf`);
  const token = qrTokenOf(Buffer.from(await pdf.body()));
  expect(token.length).toBeGreaterThan(20);

  const staff = newUser('Door');
  addStaffUser(process.env.E2E_DATA_DIR ?? '', staff);
  const context = await browser.newContext({ baseURL });
  const door = await context.newPage();
  await door.goto('/login?redirectTo=/staff/checkin');
  await door.getByLabel('E-mail').fill(staff.email);
  await door.getByLabel('Password').fill(staff.password);
  await door.getByRole('button', { name: 'Sign in' }).click();

  await door.getByLabel('Booking code or ticket token').fill(token);
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.getByRole('heading', { name: 'ADMIT' })).toBeVisible();
  await expect(door.getByText(code, { exact: true })).toBeVisible();

  // A second booking, cancelled by its owner: its QR must not let anyone in.
  const second = await bookOneSeat(page);
  const secondId = /\/bookings\/([^/]+)\/confirmation/.exec(page.url())?.[1] ?? '';
  const secondToken = qrTokenOf(
    Buffer.from(await (await page.request.get(`/bookings/${secondId}/ticket.pdf`)).body()),
  );
  await page.goto(`/bookings/${secondId}/cancel`);
  await page.getByRole('button', { name: `Yes, cancel booking ${second}` }).click();
  await expect(page.getByText(`Booking ${second} was cancelled.`)).toBeVisible();

  await door.getByLabel('Booking code or ticket token').fill(secondToken);
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.getByRole('heading', { name: 'CANCELLED: DO NOT ADMIT' })).toBeVisible();
  await context.close();
});
