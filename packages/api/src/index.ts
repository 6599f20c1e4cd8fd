/**
 * Server entry of the API package: the router, its HTTP handler, the in-process caller and the ports the
 * composition root provides. Clients import `@movie-magic/api/client` instead (types only from here).
 */

export {
  type Argon2Params,
  createPasswordHasher,
  OWASP_ARGON2ID,
  type PasswordHasher,
} from './auth/password.js';
export { passwordProblem } from './auth/policy.js';
export type { ChargeRequest, ChargeResult, PaymentGateway } from './booking/payment.js';
export { TEST_CARD_DECLINED, TEST_CARD_SUCCESS, testCardGateway } from './booking/payment.js';
export { createServerCaller, type ServerCaller } from './caller.js';
export type { ApiDeps, Context, Logger, RequestMeta } from './context.js';
export { DOMAIN_CODES, type DomainCode, DomainError } from './errors.js';
export { API_ENDPOINT, type HandleApiOptions, handleApiRequest } from './http.js';
export { type AppRouter, appRouter } from './root.js';
export {
  authedProcedure,
  createCallerFactory,
  createTRPCRouter,
  publicProcedure,
  staffProcedure,
} from './trpc.js';
