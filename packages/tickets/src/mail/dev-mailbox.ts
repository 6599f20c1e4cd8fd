/**
 * The dev mailbox: every message is an .eml file under `<dataDir>/mail`, and the web app's `/dev/mail` page
 * lists and shows them (parsed by mailparser). Never used in production (the web app hides the page there).
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Mailer } from '../ports.js';
import { composeMime } from './mime.js';

/** A mail as listed at /dev/mail. */
export interface DevMailSummary {
  id: string;
  subject: string;
  to: string;
  date: string;
}

/** A mail as shown at /dev/mail/<id>, attachments included. */
export interface DevMail extends DevMailSummary {
  from: string;
  html: string | null;
  text: string;
  attachments: { filename: string; contentType: string; size: number; content: Uint8Array }[];
}

// Ids are file names we generated: anything else (../, slashes) is refused before touching the disk.
const ID = /^[0-9]{13}-[a-z0-9]{8}$/;

let sequence = 0;

export function createDevMailer(dir: string, from: string): Mailer {
  return {
    async send(message) {
      const { raw, messageId } = await composeMime(message, from);
      await mkdir(dir, { recursive: true });
      // Sortable: milliseconds, then a per-process counter (two mails in one millisecond keep their order).
      sequence = (sequence + 1) % 36 ** 4;
      const random = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
      const id = `${Date.now()}-${sequence.toString(36).padStart(4, '0')}${random}`;
      // Write then rename: a reader never sees a half-written file.
      await writeFile(join(dir, `${id}.eml.tmp`), raw);
      await rename(join(dir, `${id}.eml.tmp`), join(dir, `${id}.eml`));
      return { messageId };
    },
  };
}

async function parse(dir: string, id: string): Promise<DevMail | null> {
  if (!ID.test(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(join(dir, `${id}.eml`));
  } catch {
    return null;
  }
  const mail = await simpleParser(raw);
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
  return {
    id,
    subject: mail.subject ?? '',
    to,
    from: mail.from?.text ?? '',
    date: (mail.date ?? new Date(Number(id.slice(0, 13)))).toISOString(),
    html: typeof mail.html === 'string' ? mail.html : null,
    text: mail.text ?? '',
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename ?? 'attachment',
      contentType: attachment.contentType,
      size: attachment.size,
      content: new Uint8Array(attachment.content),
    })),
  };
}

/** Newest first. An absent directory is an empty mailbox. */
export async function listDevMail(dir: string, limit = 100): Promise<DevMailSummary[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return [];
  }
  const ids = files
    .filter((file) => file.endsWith('.eml'))
    .map((file) => file.slice(0, -4))
    .filter((id) => ID.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(ids.map((id) => parse(dir, id)));
  return mails
    .filter((mail): mail is DevMail => mail !== null)
    .map(({ id, subject, to, date }) => ({ id, subject, to, date }));
}

/** One mail, or null for an unknown or malformed id. */
export function readDevMail(dir: string, id: string): Promise<DevMail | null> {
  return parse(dir, id);
}
