/**
 * The API contract suite, reusable by every server that hosts the API (this package's node:http harness on
 * SQLite and DynamoDB Local, the built web app, workerd). It drives the server over HTTP ONLY, through
 * `createApiClient` and plain fetch.
 *
 * The server under test must: serve the API at `url`; use APP_ORIGIN = the origin of `url`; run with
 * TRUST_PROXY=on and RATE_LIMITS=on (each simulated browser sends its own X-Forwarded-For); use the given
 * ManualClock; record mail in `mailbox`; and hold a catalog with bookable showtimes more than 6 hours ahead
 * (the demo seed, or fixtures).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { accountContract } from './contract-accounts.js';
import { bookingContract } from './contract-booking.js';
import { catalogContract } from './contract-catalog.js';
import { concurrencyContract } from './contract-concurrency.js';
import { securityContract } from './contract-security.js';
import type { ApiContractServer, SuiteEnv } from './kit.js';

export type { ApiContractServer } from './kit.js';

export function describeApiContract(name: string, start: () => Promise<ApiContractServer>): void {
  describe(`API contract: ${name}`, { timeout: 60_000 }, () => {
    let server: ApiContractServer | null = null;
    const env: SuiteEnv = {
      server() {
        if (!server) throw new Error('the server under test did not start');
        return server;
      },
    };
    beforeAll(async () => {
      server = await start();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });
    describe('catalog', () => catalogContract(env));
    describe('booking', () => bookingContract(env));
    describe('accounts', () => accountContract(env));
    describe('sessions and transport security', () => securityContract(env));
    describe('concurrency', () => concurrencyContract(env));
  });
}
