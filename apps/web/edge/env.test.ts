/** The edge accepts the shared configuration, minus what workerd cannot do, and names what is wrong. */
import { ConfigError } from '@movie-magic/config';
import { describe, expect, it } from 'vitest';
import { parseEdgeConfig, variablesOf } from './env.js';

const keys = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };

function problemsOf(env: Record<string, unknown>): string[] {
  try {
    parseEdgeConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => problem.variable);
  }
}

describe('the edge configuration', () => {
  it('reads the same variables as Node from the string bindings and ignores object bindings', () => {
    const assets = { fetch: async () => new Response('') };
    const config = parseEdgeConfig({
      ASSETS: assets,
      STORE: 'dynamodb',
      DYNAMODB_TABLE: 'mm-prod',
      HOLD_MINUTES: '5',
      ...keys,
    });
    expect(config.dynamo.table).toBe('mm-prod');
    expect(config.booking.holdMinutes).toBe(5);
    expect(variablesOf({ ASSETS: assets, STORE: 'dynamodb' })).toEqual({ STORE: 'dynamodb' });
  });

  it('refuses SQLite, SMTP and missing AWS keys, naming each variable', () => {
    expect(
      problemsOf({ STORE: 'sqlite', MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://mail.example:587' }),
    ).toEqual(['STORE', 'MAIL_TRANSPORT', 'AWS_ACCESS_KEY_ID']);
    expect(problemsOf({ STORE: 'dynamodb', ...keys })).toEqual([]);
  });

  it('reports invalid values through the shared parser', () => {
    expect(problemsOf({ STORE: 'dynamodb', HOLD_MINUTES: 'soon', ...keys })).toEqual(['HOLD_MINUTES']);
  });
});
