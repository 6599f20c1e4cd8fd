/**
 * tRPC initialisation: superjson, the error formatter, middlewares and the procedure builders.
 * Every error leaves with `data.domainCode`; zod input errors also carry `data.zodError` (flattened),
 * seat conflicts `data.unavailableSeatIds`. Internal errors never leak their message or stack.
 */
import { StoreError } from '@movie-magic/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context } from './context.js';
import { type DomainCode, DomainError, domainCodeForTRPCCode, fail } from './errors.js';
import { transformer } from './transformer.js';

export type { ApiDeps, Context, Logger, RequestMeta } from './context.js';

function zodSummary(error: ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Invalid input';
  const path = first.path.map(String).join('.');
  return `Invalid input${path ? ` at ${path}` : ''}: ${first.message}`;
}

const t = initTRPC.context<Context>().create({
  transformer,
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const domain = cause instanceof DomainError ? cause : null;
    const zodError = error.code === 'BAD_REQUEST' && cause instanceof ZodError ? cause : null;
    const domainCode: DomainCode = domain?.domainCode ?? domainCodeForTRPCCode(error.code);
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      message: internal ? 'Internal error' : zodError ? zodSummary(zodError) : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domainCode,
        zodError: zodError ? z.flattenError(zodError) : null,
        ...(domain?.details.unavailableSeatIds
          ? { unavailableSeatIds: domain.details.unavailableSeatIds }
          : {}),
        ...(domain?.details.unknownSeatIds ? { unknownSeatIds: domain.details.unknownSeatIds } : {}),
        ...(domain?.details.retryAfterSeconds ? { retryAfterSeconds: domain.details.retryAfterSeconds } : {}),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The origin a browser request came from: `Origin`, else the origin of `Referer`, else null. */
function requestOrigin(headers: Headers): string | null {
  const origin = headers.get('origin');
  if (origin) return origin;
  const referer = headers.get('referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * CSRF defence (OWASP CSRF cheat sheet, "verifying origin with standard headers"): a mutation that carries
 * the session cookie must come from the app's own origin. Cookie-less mutations (login, register from a
 * tool) may omit Origin, but a foreign Origin is refused too (login CSRF). SameSite=Lax is the second layer.
 */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const origin = requestOrigin(ctx.req.headers);
  const cookieAuthenticated = ctx.sessionId !== null;
  const foreign = origin !== ctx.config.appOrigin;
  if (foreign && (cookieAuthenticated || origin !== null)) {
    fail('CSRF', 'Cross-site request refused: the Origin does not match the application.');
  }
  return next();
});

/**
 * A store that is briefly unavailable (SQLite busy past its timeout, DynamoDB throttling) is reported as
 * 503 so clients may retry; any other storage failure stays an internal error.
 */
const storageErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (
    !result.ok &&
    result.error.cause instanceof StoreError &&
    result.error.cause.code === 'STORAGE_UNAVAILABLE'
  ) {
    fail('STORAGE_UNAVAILABLE', 'The service is busy. Please try again in a moment.');
  }
  return result;
});

export const publicProcedure = t.procedure.use(storageErrors).use(csrfGuard);

/** Signed-in users only; `ctx.user` and `ctx.session` are then present. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const auth = await ctx.getAuth();
  if (!auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { user: auth.user, session: auth.session } });
});

/** Admins only (operations such as the ticket outbox). */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') fail('FORBIDDEN', 'This action needs an admin account.');
  return next();
});

/** Staff and admins only (check-in, operations). */
export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'staff' && ctx.user.role !== 'admin') {
    fail('FORBIDDEN', 'This action needs a staff account.');
  }
  return next();
});
