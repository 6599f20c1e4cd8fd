/**
 * The one error a Store adapter may throw: something unexpected went wrong in storage (disk full, database
 * locked for longer than the busy timeout, network down). Expected outcomes such as a taken seat or a
 * duplicate e-mail are never errors: they come back as values (see `store.ts`). Raw SQLite or AWS SDK
 * errors never escape an adapter; they are wrapped here with a stable code, the raw error kept as `cause`.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'STORAGE_UNAVAILABLE' | 'STORAGE_FAILED' | 'INVARIANT_BROKEN',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
