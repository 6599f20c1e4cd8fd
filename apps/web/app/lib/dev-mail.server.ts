import type { AppLoadContext } from '@remix-run/node';

/**
 * The dev mailbox, or a 404. It exists only with MAIL_TRANSPORT=dev (the embedded default), whatever
 * NODE_ENV says: `pnpm start` runs the production build, and its mail must still be readable locally.
 */
export function requireDevMailbox(context: AppLoadContext) {
  const mailbox = context.services.devMailbox;
  if (!mailbox) throw new Response('Not found', { status: 404 });
  return mailbox;
}
