/** Contract tests: accounts, passwords, the reset flow and rate limits, over HTTP through the typed client. */
import { expect, it, vi } from 'vitest';
import {
  expectApiError,
  newBrowser,
  PASSWORD,
  type SuiteEnv,
  signUp,
  uniqueEmail,
  withClockAt,
} from './kit.js';

export function accountContract(env: SuiteEnv): void {
  it('e-mails are unique regardless of letter case', async () => {
    const email = uniqueEmail('Case');
    await newBrowser(env).api.auth.register.mutate({ email, password: PASSWORD, name: 'First' });
    await expectApiError(
      newBrowser(env).api.auth.register.mutate({
        email: email.toUpperCase(),
        password: PASSWORD,
        name: 'Second',
      }),
      'CONFLICT',
      'EMAIL_TAKEN',
    );
    const signedIn = newBrowser(env);
    const { user } = await signedIn.api.auth.login.mutate({
      email: ` ${email.toUpperCase()} `,
      password: PASSWORD,
    });
    expect(user.email).toBe(email);
    expect(await signedIn.api.auth.me.query()).toMatchObject({ id: user.id, role: 'customer' });
  });

  it('passwords shorter than 8 characters or among the most common are refused', async () => {
    const api = newBrowser(env).api;
    const register = (password: string) =>
      api.auth.register.mutate({ email: uniqueEmail(), password, name: 'P' });
    await expectApiError(register('short7!'), 'BAD_REQUEST', 'PASSWORD_LENGTH');
    await expectApiError(register('x'.repeat(129)), 'BAD_REQUEST', 'PASSWORD_LENGTH');
    await expectApiError(register('password1'), 'BAD_REQUEST', 'PASSWORD_TOO_COMMON');
    await expectApiError(register('Football'), 'BAD_REQUEST', 'PASSWORD_TOO_COMMON');
  });

  it('login gives the same UNAUTHORIZED answer for an unknown e-mail and a wrong password', async () => {
    const me = await signUp(env, 'login');
    const api = newBrowser(env).api;
    const unknown = await expectApiError(
      api.auth.login.mutate({ email: uniqueEmail('nobody'), password: PASSWORD }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
    const wrong = await expectApiError(
      api.auth.login.mutate({ email: me.email, password: 'not-the-password-9' }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
    expect(unknown).toEqual(wrong);
  });

  it('ten failed logins lock the account for the window (TOO_MANY_REQUESTS), even with the right password', async () => {
    const me = await signUp(env, 'locked');
    const start = env.server().clock.now();
    for (let attempt = 0; attempt < 10; attempt++) {
      // Different browsers (different IPs): the per-account limit must not depend on the IP.
      const api = newBrowser(env).api;
      await expectApiError(
        api.auth.login.mutate({ email: me.email, password: `wrong-guess-${attempt}` }),
        'UNAUTHORIZED',
      );
    }
    const data = await expectApiError(
      newBrowser(env).api.auth.login.mutate({ email: me.email, password: PASSWORD }),
      'TOO_MANY_REQUESTS',
      'RATE_LIMITED',
    );
    expect(data.retryAfterSeconds).toEqual(expect.any(Number));
    await withClockAt(env, new Date(start.getTime() + 16 * 60_000), async () => {
      const { user } = await newBrowser(env).api.auth.login.mutate({ email: me.email, password: PASSWORD });
      expect(user.id).toBe(me.userId);
    });
  });

  it('reset requests are limited per client IP (TOO_MANY_REQUESTS)', async () => {
    const browser = newBrowser(env);
    const results: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const outcome = await browser.api.auth.requestPasswordReset
        .mutate({ email: uniqueEmail('flood') })
        .then(
          () => 'ok',
          (error: { data?: { code?: string } }) => error.data?.code ?? 'error',
        );
      results.push(outcome);
    }
    expect(results[0]).toBe('ok');
    expect(results.at(-1)).toBe('TOO_MANY_REQUESTS');
    expect(results.every((r) => r === 'ok' || r === 'TOO_MANY_REQUESTS')).toBe(true);
  });

  it('a password reset mails a single-use link, sets the new password and ends every session', async () => {
    const me = await signUp(env, 'reset');
    const unknown = uniqueEmail('ghost');
    const api = newBrowser(env).api;
    expect(await api.auth.requestPasswordReset.mutate({ email: unknown })).toEqual({ ok: true });
    expect(await api.auth.requestPasswordReset.mutate({ email: me.email.toUpperCase() })).toEqual({
      ok: true,
    });
    const mail = await vi.waitFor(
      () => {
        const [message] = env.server().mailbox.messagesTo(me.email);
        if (!message) throw new Error('no reset mail yet');
        return message;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(env.server().mailbox.messagesTo(unknown)).toEqual([]);
    const link = /https?:\/\/\S+\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link?.[1] ?? '');
    expect(token.length).toBeGreaterThanOrEqual(22);

    await expectApiError(api.auth.resetPassword.mutate({ token, password: 'password' }), 'BAD_REQUEST');
    const newPassword = 'new-projector-lamp-77';
    expect(await api.auth.resetPassword.mutate({ token, password: newPassword })).toEqual({ ok: true });
    await expectApiError(
      api.auth.resetPassword.mutate({ token, password: 'another-projector-88' }),
      'BAD_REQUEST',
      'RESET_TOKEN_INVALID',
    );
    expect(await me.api.auth.me.query()).toBeNull();
    await expectApiError(api.auth.login.mutate({ email: me.email, password: PASSWORD }), 'UNAUTHORIZED');
    const { user } = await api.auth.login.mutate({ email: me.email, password: newPassword });
    expect(user.id).toBe(me.userId);
  });

  it('changing the password needs the current one and ends the other sessions, not this one', async () => {
    const me = await signUp(env, 'change');
    const laptop = newBrowser(env);
    await laptop.api.auth.login.mutate({ email: me.email, password: PASSWORD });
    await expectApiError(
      me.api.account.changePassword.mutate({
        currentPassword: 'not-my-password-1',
        newPassword: 'fresh-reel-2026',
      }),
      'BAD_REQUEST',
      'WRONG_PASSWORD',
    );
    expect(
      await me.api.account.changePassword.mutate({
        currentPassword: PASSWORD,
        newPassword: 'fresh-reel-2026',
      }),
    ).toEqual({ ok: true });
    expect(await me.api.auth.me.query()).toMatchObject({ id: me.userId });
    expect(await laptop.api.auth.me.query()).toBeNull();
  });

  it('account.update changes the profile and refuses an unknown home city', async () => {
    const me = await signUp(env, 'profile');
    const [city] = await me.api.catalog.cities.query();
    const { user } = await me.api.account.update.mutate({
      name: 'Renamed Person',
      phone: '+91 98765 43210',
      homeCityId: city?.id ?? null,
    });
    expect(user).toMatchObject({ name: 'Renamed Person', phone: '+91 98765 43210', homeCityId: city?.id });
    expect(await me.api.auth.me.query()).toMatchObject({ name: 'Renamed Person' });
    await expectApiError(
      me.api.account.update.mutate({ homeCityId: 'atlantis' }),
      'BAD_REQUEST',
      'UNKNOWN_CITY',
    );
    await expectApiError(me.api.account.update.mutate({ phone: 'call me' }), 'BAD_REQUEST', 'INVALID_INPUT');
    expect((await me.api.account.update.mutate({ phone: null })).user.phone).toBeNull();
  });
}
