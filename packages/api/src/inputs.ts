/** Bounded input primitives shared by the routers: every string has a maximum length, every array a size. */
import { z } from 'zod';

/** Catalog and record ids (slugs, generated ids such as `bk_...`). */
export const idInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id (letters, digits, _ and -)');

/** `F-12`: row letters, dash, seat number. */
export const seatIdInput = z
  .string()
  .max(8)
  .regex(/^[A-Z]{1,2}-[1-9][0-9]?$/, 'must be a seat id such as F-12');

/** `YYYY-MM-DD` that is a real calendar date. */
export const dateInput = z.iso.date();

export const emailInput = z.string().trim().max(254).pipe(z.email());

/** Length is checked by the password policy (in characters, after the bound on raw size). */
export const passwordInput = z.string().min(1).max(512);

export const nameInput = z.string().trim().min(1).max(100);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
