/** The password-reset mail (sent by the API's `auth.requestPasswordReset`). */
import type { MailMessage } from '../ports.js';
import { emailFrame, escapeHtml } from './html.js';

export interface PasswordResetEmailInput {
  to: string;
  name: string;
  /** The full reset link, carrying the single-use token. */
  link: string;
  /** How long the link works, for the wording (default 30, the API's lifetime). */
  validMinutes?: number;
}

export function passwordResetEmail({
  to,
  name,
  link,
  validMinutes = 30,
}: PasswordResetEmailInput): MailMessage {
  const subject = 'Reset your Movie Magic password';
  const text = [
    `Hi ${name},`,
    '',
    `Someone asked to reset the password of your Movie Magic account. The link works once, for ${validMinutes} minutes:`,
    link,
    '',
    'If it was not you, ignore this e-mail: your password stays as it is.',
  ].join('\n');
  const html = emailFrame(
    subject,
    [
      `<p>Hi ${escapeHtml(name)},</p>`,
      `<p>Someone asked to reset the password of your Movie Magic account. The link works once, for ${validMinutes} minutes.</p>`,
      `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#e11d48;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:700">Choose a new password</a></p>`,
      `<p style="font-size:12px;color:#4b5563">Or paste this link into your browser: ${escapeHtml(link)}</p>`,
      '<p>If it was not you, ignore this e-mail: your password stays as it is.</p>',
    ].join(''),
  );
  return { to, subject, text, html };
}
