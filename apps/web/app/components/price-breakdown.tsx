import { formatMoney } from '../lib/format.js';

export interface PriceLines {
  tickets: number;
  fee: number;
  tax: number;
  total: number;
}

/** Tickets, convenience fee, GST and total, as a definition list. */
export function PriceBreakdown({
  amounts,
  seatCount,
  gstPercent,
}: {
  amounts: PriceLines;
  seatCount: number;
  gstPercent?: number;
}) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-y-2 text-sm">
      <dt className="text-muted">
        Tickets ({seatCount} {seatCount === 1 ? 'seat' : 'seats'})
      </dt>
      <dd className="text-right">{formatMoney(amounts.tickets)}</dd>
      <dt className="text-muted">Convenience fee</dt>
      <dd className="text-right">{formatMoney(amounts.fee)}</dd>
      <dt className="text-muted">GST on the fee{gstPercent !== undefined ? ` (${gstPercent}%)` : ''}</dt>
      <dd className="text-right">{formatMoney(amounts.tax)}</dd>
      <dt className="border-t border-line pt-2 text-base font-bold">Total</dt>
      <dd className="border-t border-line pt-2 text-right text-base font-bold text-gold-strong">
        {formatMoney(amounts.total)}
      </dd>
    </dl>
  );
}
