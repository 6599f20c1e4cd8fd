/**
 * The payment port. The default is the honest test gateway from the seed product: well-known test card
 * numbers decide the outcome and nothing is charged. A real provider implements the same interface.
 * The card number is never stored: only the last four digits and the gateway's reference are kept.
 */

export interface ChargeRequest {
  amountPaise: number;
  cardNumber: string;
  /** Providers deduplicate retries by this key (e.g. Stripe's Idempotency-Key), so a retry never charges twice. */
  idempotencyKey: string;
}

export type ChargeResult =
  | { ok: true; method: string; reference: string; last4: string }
  | { ok: false; reason: 'DECLINED' | 'INVALID_CARD'; message: string };

/** Charges and refunds; implementations must be idempotent per `idempotencyKey`. */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives the money back (a confirm that lost its hold after charging, or a cancellation). */
  refund(reference: string, amountPaise: number): Promise<void>;
}

export const TEST_CARD_SUCCESS = '4242424242424242';
export const TEST_CARD_DECLINED = '4000000000000002';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The test gateway: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, anything else is invalid. */
export const testCardGateway: PaymentGateway = {
  async charge({ cardNumber, idempotencyKey, amountPaise }) {
    const digits = cardNumber.replace(/ /g, '');
    if (digits === TEST_CARD_DECLINED) {
      return { ok: false, reason: 'DECLINED', message: 'The card was declined. Try another card.' };
    }
    if (digits !== TEST_CARD_SUCCESS) {
      return {
        ok: false,
        reason: 'INVALID_CARD',
        message: 'Use the test card 4242 4242 4242 4242 (or 4000 0000 0000 0002 to see a decline).',
      };
    }
    // Deterministic per idempotency key, like a provider replaying the original charge.
    const reference = `test_${(await sha256Hex(`${idempotencyKey}:${amountPaise}`)).slice(0, 20)}`;
    return { ok: true, method: 'test-card', reference, last4: digits.slice(-4) };
  },
  async refund() {},
};
