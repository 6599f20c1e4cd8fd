import { checkStep, expect, newUser, register, test } from './support/fixtures.js';

test('a forgotten password is reset from the e-mailed link, and the old one stops working', async ({
  page,
}) => {
  const user = newUser('Reset');
  await register(page, user);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/login');
  await checkStep(page, 'account', '01-sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account exists for ${user.email}`);
  await checkStep(page, 'account', '02-forgot-password');

  // The link arrives in the dev mailbox (MAIL_TRANSPORT=dev).
  await page.goto('/dev/mail');
  const mail = page.getByRole('link', { name: new RegExp(`To ${user.email.replace('.', '\\.')}`) });
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await mail.click();
  const text = (await page.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(text)?.[0];
  expect(link).toBeTruthy();

  const newPassword = `${user.password}-new`;
  await page.goto(link ?? '');
  await checkStep(page, 'account', '03-reset-password');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password was changed');

  // The link is single use.
  await page.goto(link ?? '');
  await page.getByLabel('New password').fill(`${newPassword}-again`);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { name: "This link doesn't work" })).toBeVisible();

  await page.goto('/login');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong e-mail or password');
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the profile keeps name, phone and home city, and the password can be changed', async ({ page }) => {
  const user = newUser('Profile');
  await register(page, user);
  await page.getByRole('link', { name: 'Account' }).click();
  await checkStep(page, 'account', '04-account');

  await page.getByLabel('Name').fill('Priya Raman');
  await page.getByLabel('Phone (optional)').fill('+91 98765 43210');
  await page.getByLabel('Home city').selectOption({ label: 'Nellore' });
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toContainText('Your profile was saved');
  await page.reload();
  await expect(page.getByLabel('Name')).toHaveValue('Priya Raman');
  await expect(page.getByLabel('Phone (optional)')).toHaveValue('+91 98765 43210');
  await expect(page.getByLabel('Home city')).toHaveValue('nellore');

  await page.getByLabel('Current password').fill('not-my-password-at-all');
  await page.getByLabel('New password').fill(`${user.password}-2`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/password/i).and(page.locator('.text-rose'))).toBeVisible();

  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password').fill(`${user.password}-2`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password was changed');
});

test('the chosen city is remembered across visits and in the profile', async ({ page, browser, baseURL }) => {
  const user = newUser('City');
  await register(page, user);
  await page.getByLabel('City').selectOption({ label: 'Nellore' });
  await expect(page.getByRole('heading', { level: 1, name: 'Movies in Nellore' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Movies in Nellore' })).toBeVisible();

  // A fresh browser has no cookie: signing in brings the profile's home city back.
  const other = await browser.newContext({ baseURL });
  const second = await other.newPage();
  await second.goto('/login');
  await second.getByLabel('E-mail').fill(user.email);
  await second.getByLabel('Password').fill(user.password);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Movies in Nellore' })).toBeVisible();
  await other.close();
});
