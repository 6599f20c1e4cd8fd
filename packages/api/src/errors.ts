/**
 * Domain errors with stable codes. Procedures throw {@link DomainError}; {@link toTRPCError} maps each code to
 * a tRPC code in this ONE table, and the error formatter (trpc.ts) puts `domainCode` (and any details such as
 * `unavailableSeatIds`) into `error.data`. Clients branch on `data.domainCode`, never on messages.
 */
import { TRPCError } from '@trpc/server';

type TRPCCode = TRPCError['code'];

/** Every domain code, with the tRPC code it is reported as. */
export const DOMAIN_CODES = {
  INVALID_INPUT: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CSRF: 'FORBIDDEN',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  // catalog
  DATE_OUT_OF_RANGE: 'BAD_REQUEST',
  // booking
  SEAT_UNAVAILABLE: 'CONFLICT',
  UNKNOWN_SEATS: 'BAD_REQUEST',
  DUPLICATE_SEATS: 'BAD_REQUEST',
  NO_SEATS: 'BAD_REQUEST',
  TOO_MANY_SEATS: 'BAD_REQUEST',
  SHOWTIME_STARTED: 'PRECONDITION_FAILED',
  HOLD_NOT_FOUND: 'PRECONDITION_FAILED',
  HOLD_EXPIRED: 'PRECONDITION_FAILED',
  PAYMENT_DECLINED: 'PAYMENT_REQUIRED',
  INVALID_CARD: 'BAD_REQUEST',
  CUTOFF_PASSED: 'PRECONDITION_FAILED',
  ALREADY_CANCELLED: 'PRECONDITION_FAILED',
  // accounts
  EMAIL_TAKEN: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  WRONG_PASSWORD: 'BAD_REQUEST',
  PASSWORD_LENGTH: 'BAD_REQUEST',
  PASSWORD_TOO_COMMON: 'BAD_REQUEST',
  RESET_TOKEN_INVALID: 'BAD_REQUEST',
  UNKNOWN_CITY: 'BAD_REQUEST',
  // transport-level codes that tRPC raises itself (no DomainError behind them)
  PARSE_ERROR: 'PARSE_ERROR',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_SUPPORTED',
  STORAGE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, TRPCCode>;

export type DomainCode = keyof typeof DOMAIN_CODES;

/** Extra, machine-readable facts an error carries into `error.data` (kept small and typed). */
export interface DomainErrorDetails {
  unavailableSeatIds?: string[];
  unknownSeatIds?: string[];
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  constructor(
    readonly domainCode: DomainCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one mapping from a domain error to the tRPC error the transport reports. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: DOMAIN_CODES[error.domainCode], message: error.message, cause: error });
}

/** Throw a domain error as a tRPC error (use inside procedures). */
export function fail(code: DomainCode, message: string, details?: DomainErrorDetails): never {
  throw toTRPCError(new DomainError(code, message, details));
}

/** For errors tRPC raised itself (bad JSON, unknown procedure, wrong method): a domain code from the tRPC code. */
export function domainCodeForTRPCCode(code: TRPCCode): DomainCode {
  switch (code) {
    case 'BAD_REQUEST':
      return 'INVALID_INPUT';
    case 'PARSE_ERROR':
      return 'PARSE_ERROR';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'UNAUTHORIZED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'METHOD_NOT_SUPPORTED':
      return 'METHOD_NOT_SUPPORTED';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    default:
      return code === 'INTERNAL_SERVER_ERROR' ? 'INTERNAL' : 'INVALID_INPUT';
  }
}
