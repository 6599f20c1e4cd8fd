/**
 * The one place that reads the environment. Every other package receives an {@link AppConfig}.
 *
 * `parseConfig` is pure (it takes any record of strings, so the edge runtime can pass its bindings);
 * `loadConfig` reads `process.env` on Node.
 */
import { z } from 'zod';

const bool = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The environment variables Movie Magic understands. `.env.example` documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(0, 65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    STORE: z.enum(['sqlite', 'dynamodb']).default('sqlite'),
    DYNAMODB_TABLE: z
      .string()
      .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be a valid DynamoDB table name')
      .default('movie-magic'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().min(1).default('ap-south-1'),
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    AWS_SESSION_TOKEN: z.string().min(1).optional(),
    APP_ORIGIN: z.url().optional(),
    TRUST_PROXY: bool.default(false),
    TICKET_SIGNING_KEY: z.string().min(1).optional(),
    TICKET_SIGNING_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/)
      .default('k1'),
    TICKET_VERIFY_KEYS: z.string().min(1).optional(),
    HOLD_MINUTES: int(1, 60).default(8),
    // DynamoDB's TransactWriteItems takes at most 100 items; a hold writes one item per seat plus a few
    // bookkeeping items, and may release a previous hold of the same size in the same transaction.
    MAX_SEATS_PER_BOOKING: int(1, 40).default(10),
    CONVENIENCE_FEE_PAISE: int(0, 1_000_000).default(3000),
    GST_BASIS_POINTS: int(0, 10_000).default(1800),
    CANCEL_CUTOFF_MINUTES: int(0, 10_080).default(120),
    SESSION_IDLE_MINUTES: int(5, 43_200).default(30),
    SESSION_ABSOLUTE_HOURS: int(1, 8_760).default(12),
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    TICKETS_TRANSPORT: z.enum(['inline', 'sns']).default('inline'),
    TICKETS_TOPIC_ARN: z.string().startsWith('arn:').optional(),
    SNS_ENDPOINT: z.url().optional(),
    MAIL_TRANSPORT: z.enum(['dev', 'smtp', 'ses']).default('dev'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Movie Magic <tickets@moviemagic.local>'),
    SES_ENDPOINT: z.url().optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.TICKETS_TRANSPORT === 'sns' && !env.TICKETS_TOPIC_ARN) {
      ctx.addIssue({
        code: 'custom',
        path: ['TICKETS_TOPIC_ARN'],
        message: 'is required when TICKETS_TRANSPORT=sns',
      });
    }
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when MAIL_TRANSPORT=smtp' });
    }
    if (env.NODE_ENV === 'production' && !env.TICKET_SIGNING_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['TICKET_SIGNING_KEY'],
        message: 'is required in production (an Ed25519 private key, PKCS#8, base64url)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parsed, validated runtime configuration shared by every package. */
export interface AppConfig {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  store: Env['STORE'];
  dynamo: {
    table: string;
    endpoint: string | undefined;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  };
  aws: {
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  };
  /** Public origin of the web app, e.g. `https://moviemagic.example`. */
  appOrigin: string;
  /** True when `appOrigin` is https: cookies get `Secure` and the `__Host-` prefix, HSTS is sent. */
  secureCookies: boolean;
  trustProxy: boolean;
  tickets: {
    transport: Env['TICKETS_TRANSPORT'];
    topicArn: string | undefined;
    snsEndpoint: string | undefined;
    signingKey: string | undefined;
    signingKeyId: string;
    /** Extra public keys accepted at check-in (`kid:base64url,kid:base64url`), for key rotation. */
    verifyKeys: string | undefined;
  };
  mail: {
    transport: Env['MAIL_TRANSPORT'];
    smtpUrl: string | undefined;
    from: string;
    sesEndpoint: string | undefined;
  };
  booking: {
    holdMinutes: number;
    maxSeatsPerBooking: number;
    convenienceFeePaise: number;
    gstBasisPoints: number;
    cancelCutoffMinutes: number;
  };
  session: { idleMinutes: number; absoluteHours: number };
  rateLimits: boolean;
  logLevel: Env['LOG_LEVEL'];
}

/** Thrown when the environment is invalid; the message names every bad variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every variable and its format.',
    );
    this.name = 'ConfigError';
  }
}

/** Validate a record of environment variables (empty strings count as unset). */
export function parseConfig(raw: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(
      ([key, value]) => key in envSchema.shape && value !== undefined && value !== '',
    ),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const env = result.data;
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  const appOrigin = new URL(env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).origin;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    store: env.STORE,
    dynamo: {
      table: env.DYNAMODB_TABLE,
      endpoint: env.DYNAMODB_ENDPOINT,
      region: env.AWS_REGION,
      credentials,
    },
    aws: { region: env.AWS_REGION, credentials },
    appOrigin,
    secureCookies: appOrigin.startsWith('https:'),
    trustProxy: env.TRUST_PROXY,
    tickets: {
      transport: env.TICKETS_TRANSPORT,
      topicArn: env.TICKETS_TOPIC_ARN,
      snsEndpoint: env.SNS_ENDPOINT,
      signingKey: env.TICKET_SIGNING_KEY,
      signingKeyId: env.TICKET_SIGNING_KEY_ID,
      verifyKeys: env.TICKET_VERIFY_KEYS,
    },
    mail: {
      transport: env.MAIL_TRANSPORT,
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      sesEndpoint: env.SES_ENDPOINT,
    },
    booking: {
      holdMinutes: env.HOLD_MINUTES,
      maxSeatsPerBooking: env.MAX_SEATS_PER_BOOKING,
      convenienceFeePaise: env.CONVENIENCE_FEE_PAISE,
      gstBasisPoints: env.GST_BASIS_POINTS,
      cancelCutoffMinutes: env.CANCEL_CUTOFF_MINUTES,
    },
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    rateLimits: env.RATE_LIMITS === 'on',
    logLevel: env.LOG_LEVEL,
  };
}

/** Read and validate `process.env` (Node only). Throws {@link ConfigError}. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return parseConfig({ ...process.env, ...overrides });
}

/** Variable names, in schema order: used to check `.env.example` and the README table. */
export const ENV_VARIABLES = Object.keys(envSchema.shape);
