/**
 * The worker's bindings and what the edge target accepts of the shared configuration. Variables arrive as
 * bindings (wrangler `vars`, secrets, or `.dev.vars` locally) and go through the same `parseConfig` as on Node;
 * this module only adds the checks that are specific to workerd.
 */
import { type AppConfig, ConfigError, parseConfig } from '@movie-magic/config';

/** Workers Static Assets (https://developers.cloudflare.com/workers/static-assets/binding/). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** The worker's `env`: the string variables of `.env.example` plus the static-assets binding. */
export interface EdgeEnv {
  ASSETS?: AssetsBinding;
  [variable: string]: unknown;
}

/** The string-valued bindings, i.e. the environment variables (other bindings are objects). */
export function variablesOf(env: EdgeEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * Parses the bindings and refuses settings that cannot work on workerd, naming the variable: there is no
 * file system (SQLite, the dev mailbox's .eml files), no raw TCP through nodemailer (SMTP), and no AWS
 * credential chain (no instance metadata, no ~/.aws), so keys must be given as Worker secrets.
 */
export function parseEdgeConfig(env: EdgeEnv): AppConfig {
  const config = parseConfig(variablesOf(env));
  const problems: { variable: string; message: string }[] = [];
  if (config.store !== 'dynamodb') {
    problems.push({
      variable: 'STORE',
      message: 'must be dynamodb on the edge (SQLite needs a file system)',
    });
  }
  if (config.mail.transport === 'smtp') {
    problems.push({
      variable: 'MAIL_TRANSPORT',
      message: 'smtp is not available on the edge: use ses (or dev)',
    });
  }
  if (!config.aws.credentials) {
    problems.push({
      variable: 'AWS_ACCESS_KEY_ID',
      message: 'and AWS_SECRET_ACCESS_KEY are required on the edge (Workers have no AWS credential chain)',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
