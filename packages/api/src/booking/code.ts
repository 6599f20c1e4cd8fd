/**
 * Booking codes people read aloud at the counter: 7 characters from an alphabet without look-alikes
 * (no 0/O, 1/I), 32 symbols, so 35 random bits from Web Crypto.
 */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 7;

export function generateBookingCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(BOOKING_CODE_LENGTH));
  let code = '';
  // 256 is a multiple of 32, so masking the low 5 bits is unbiased.
  for (const byte of bytes) code += BOOKING_CODE_ALPHABET[byte & 31];
  return code;
}
