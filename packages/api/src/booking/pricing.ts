/** Prices are computed on the server only: the client never sends an amount. All money is integer paise. */
import type { AppConfig } from '@movie-magic/config';
import type { Amounts } from '@movie-magic/db';

/**
 * tickets = sum of seat prices; fee = convenience fee per ticket; tax = GST on the fee only (in India GST on
 * cinema tickets is included in the ticket price, while the booking platform's convenience fee carries GST),
 * rounded half up to whole paise.
 */
export function computeAmounts(seatPrices: number[], booking: AppConfig['booking']): Amounts {
  const tickets = seatPrices.reduce((sum, price) => sum + price, 0);
  const fee = booking.convenienceFeePaise * seatPrices.length;
  const tax = Math.floor((fee * booking.gstBasisPoints + 5_000) / 10_000);
  return { tickets, fee, tax, total: tickets + fee + tax };
}
