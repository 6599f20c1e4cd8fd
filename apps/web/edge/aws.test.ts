/**
 * On the edge, ticket jobs leave through SNS and the reset e-mail through SES v2: published right after the
 * response (`ctx.waitUntil`), and swept by the Cron Trigger when a publish failed.
 */
import { CookieJar, createApiClient } from '@movie-magic/api/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type FakeAws, startFakeAws } from './testing/fake-aws.js';
import { type RunningEdge, seededTable, startEdge } from './testing/harness.js';

const TOPIC_ARN = 'arn:aws:sns:ap-south-1:123456789012:movie-magic-tickets';
const PASSWORD = 'popcorn-balcony-matinee-42';

describe('the edge worker with SNS and SES', () => {
  let edge: RunningEdge;
  let aws: FakeAws;

  beforeAll(async () => {
    aws = await startFakeAws();
    const dynamoEndpoint = inject('dynamoEndpoint');
    const table = await seededTable(dynamoEndpoint, new Date());
    edge = await startEdge({
      dynamoEndpoint,
      table,
      env: {
        TICKETS_TRANSPORT: 'sns',
        TICKETS_TOPIC_ARN: TOPIC_ARN,
        SNS_ENDPOINT: aws.url,
        MAIL_TRANSPORT: 'ses',
        SES_ENDPOINT: aws.url,
        MAIL_FROM: 'Movie Magic <tickets@moviemagic.example>',
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
    await aws?.close();
  });

  async function signUp() {
    const email = `edge-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const api = createApiClient({ url: `${edge.url}/api/trpc`, cookieJar: new CookieJar() });
    await api.auth.register.mutate({ email, password: PASSWORD, name: 'Edge Moviegoer' });
    return { api, email };
  }

  async function book(api: ReturnType<typeof createApiClient>) {
    const cities = await api.catalog.cities.query();
    const movies = await api.catalog.movies.query({ cityId: cities[0]?.id ?? '' });
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      new Date(Date.now() + 24 * 3_600_000),
    );
    const { theaters } = await api.catalog.showtimes.query({
      movieId: movies[0]?.id ?? '',
      cityId: cities[0]?.id ?? '',
      date: tomorrow,
    });
    const showtimeId = theaters[0]?.showtimes[0]?.showtimeId ?? '';
    const map = await api.booking.seatMap.query({ showtimeId });
    const seats = map.seats.filter((seat) => seat.status === 'available').slice(0, 1);
    const hold = await api.booking.hold.mutate({ showtimeId, seatIds: seats.map((seat) => seat.id) });
    const { booking } = await api.booking.confirm.mutate({
      holdId: hold.holdId,
      idempotencyKey: crypto.randomUUID(),
      payment: { method: 'test-card', cardNumber: '4242 4242 4242 4242' },
    });
    return booking;
  }

  const publishedFor = (bookingId: string) =>
    aws.published.filter((publish) => JSON.parse(publish.message).bookingId === bookingId);

  it("publishes a confirmed booking's ticket job to the SNS topic after the response", async () => {
    const { api } = await signUp();
    const booking = await book(api);
    const [publish] = await vi.waitFor(
      () => {
        const found = publishedFor(booking.id);
        if (found.length === 0) throw new Error('not published yet');
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(publish?.topicArn).toBe(TOPIC_ARN);
    expect(JSON.parse(publish?.message ?? '{}')).toMatchObject({
      v: 1,
      bookingId: booking.id,
      kind: 'ticket',
    });
  });

  it('publishes a job whose inline publish failed on the next scheduled sweep', async () => {
    const { api } = await signUp();
    aws.failPublish = true;
    const failuresBefore = aws.failedPublishes;
    const booking = await book(api);
    // The SDK tries 3 times (standard retry mode) before the relay gives up and leaves the job due.
    await vi.waitFor(
      () => {
        if (aws.failedPublishes < failuresBefore + 3) throw new Error('still retrying');
      },
      { timeout: 20_000, interval: 100 },
    );
    aws.failPublish = false;
    expect(publishedFor(booking.id)).toEqual([]);

    const trigger = await fetch(`${edge.url}/__scheduled?cron=*+*+*+*+*`);
    expect(trigger.status).toBe(200);
    await vi.waitFor(
      () => {
        if (publishedFor(booking.id).length === 0) throw new Error('not swept yet');
      },
      { timeout: 15_000, interval: 100 },
    );
  });

  it('sends the password-reset e-mail through SES v2 with a reset link to this origin', async () => {
    const { email } = await signUp();
    const api = createApiClient({ url: `${edge.url}/api/trpc`, cookieJar: new CookieJar() });
    expect(await api.auth.requestPasswordReset.mutate({ email })).toEqual({ ok: true });
    const mail = await vi.waitFor(
      () => {
        const found = aws.sent.find((sent) => sent.to.includes(email));
        if (!found) throw new Error('not sent yet');
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(mail.from).toBe('Movie Magic <tickets@moviemagic.example>');
    expect(mail.text).toContain(`${edge.url}/reset-password?token=`);
  });
});
