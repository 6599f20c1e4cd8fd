import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './index.js';

describe('parseConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.store).toBe('sqlite');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('.data');
    expect(config.appOrigin).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(config.booking).toEqual({
      holdMinutes: 8,
      maxSeatsPerBooking: 10,
      convenienceFeePaise: 3000,
      gstBasisPoints: 1800,
      cancelCutoffMinutes: 120,
    });
    expect(config.rateLimits).toBe(true);
    expect(config.tickets.transport).toBe('inline');
    expect(config.mail.transport).toBe('dev');
  });

  it('derives the origin from PORT and turns on secure cookies for https origins', () => {
    expect(parseConfig({ PORT: '4100' }).appOrigin).toBe('http://localhost:4100');
    const secure = parseConfig({ APP_ORIGIN: 'https://tickets.example.com/some/path' });
    expect(secure.appOrigin).toBe('https://tickets.example.com');
    expect(secure.secureCookies).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DYNAMODB_ENDPOINT: '', HOLD_MINUTES: '' }).booking.holdMinutes).toBe(8);
  });

  it('names every invalid variable and what is wrong with it', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', STORE: 'postgres', HOLD_MINUTES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/STORE: /);
    expect(message).toMatch(/HOLD_MINUTES: /);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'HOLD_MINUTES',
      'PORT',
      'STORE',
    ]);
  });

  it('requires the settings a chosen transport depends on', () => {
    expect(() => parseConfig({ TICKETS_TRANSPORT: 'sns' })).toThrow(/TICKETS_TOPIC_ARN: is required/);
    expect(() => parseConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL: is required/);
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/TICKET_SIGNING_KEY/);
  });

  it('caps seats per booking so one hold fits in a DynamoDB transaction', () => {
    expect(() => parseConfig({ MAX_SEATS_PER_BOOKING: '41' })).toThrow(/MAX_SEATS_PER_BOOKING/);
    expect(parseConfig({ MAX_SEATS_PER_BOOKING: '40' }).booking.maxSeatsPerBooking).toBe(40);
  });

  it('passes AWS credentials only when both parts are set', () => {
    expect(parseConfig({ AWS_ACCESS_KEY_ID: 'x' }).dynamo.credentials).toBeUndefined();
    expect(parseConfig({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }).dynamo.credentials).toEqual({
      accessKeyId: 'x',
      secretAccessKey: 'y',
    });
  });
});
