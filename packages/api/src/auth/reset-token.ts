/**
 * Password-reset tokens (OWASP Forgot Password cheat sheet): 256 random bits from Web Crypto, sent once by
 * e-mail, stored only as their SHA-256 hash (a leaked table cannot reset anyone), single use, 30 minutes.
 */
export const RESET_TOKEN_MINUTES = 30;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function generateResetToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function hashResetToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function resetEmail(
  appOrigin: string,
  name: string,
  token: string,
): { subject: string; text: string; html: string } {
  const link = `${appOrigin}/reset-password?token=${encodeURIComponent(token)}`;
  const safeName = name.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return {
    subject: 'Reset your Movie Magic password',
    text:
      `Hello ${name},\n\nSomeone (hopefully you) asked to reset your Movie Magic password.\n` +
      `Open this link within ${RESET_TOKEN_MINUTES} minutes to choose a new one:\n\n${link}\n\n` +
      'If you did not ask for this, ignore this e-mail: your password stays the same.\n',
    html:
      `<p>Hello ${safeName},</p><p>Someone (hopefully you) asked to reset your Movie Magic password.</p>` +
      `<p><a href="${link}">Choose a new password</a> (the link works for ${RESET_TOKEN_MINUTES} minutes).</p>` +
      '<p>If you did not ask for this, ignore this e-mail: your password stays the same.</p>',
  };
}
