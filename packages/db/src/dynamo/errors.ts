/**
 * The only error the DynamoDB adapter throws. Expected conflicts (a taken seat, a duplicate e-mail) are
 * result values, never errors; this is for what a caller cannot fix by retrying with other input: the
 * service unreachable, a throttle that outlasted our retries, or input no transaction can carry.
 */
export type StoreErrorCode =
  /** DynamoDB failed or was unreachable (the SDK error is the `cause`). */
  | 'STORE_UNAVAILABLE'
  /** Transactions kept colliding on the same items past the retry budget. */
  | 'STORE_CONTENDED'
  /** More seats than one TransactWriteItems can carry (100 items, see holdSeats). */
  | 'TOO_MANY_SEATS'
  /** The input cannot be stored as given (e.g. an empty seat list). */
  | 'INVALID_INPUT'
  /** Another booking already uses this human-readable code (the caller should draw a new one). */
  | 'BOOKING_CODE_TAKEN';

/** A typed storage failure: `code` is stable, `message` is for logs; raw SDK errors stay in `cause`. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
