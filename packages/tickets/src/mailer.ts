/** Chooses the Mailer from configuration (`MAIL_TRANSPORT`). */
import { join } from 'node:path';
import type { AppConfig } from '@movie-magic/config';
import { createDevMailer } from './mail/dev-mailbox.js';
import { createSesMailer, createSmtpMailer } from './mail/transports.js';
import type { Mailer } from './ports.js';

/** The dev mailbox directory (`<dataDir>/mail`), which `/dev/mail` reads. */
export function devMailDir(config: AppConfig): string {
  return join(config.dataDir, 'mail');
}

export function createMailer(config: AppConfig): Mailer {
  const { mail } = config;
  switch (mail.transport) {
    case 'dev':
      return createDevMailer(devMailDir(config), mail.from);
    case 'smtp':
      if (!mail.smtpUrl) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_URL');
      return createSmtpMailer(mail.smtpUrl, mail.from);
    case 'ses':
      return createSesMailer({
        region: config.aws.region,
        from: mail.from,
        endpoint: mail.sesEndpoint,
        credentials: config.aws.credentials,
      });
  }
}
