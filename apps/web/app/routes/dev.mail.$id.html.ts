/**
 * The HTML body of a dev e-mail, for the sandboxed iframe on its page. It gets its own policy: no scripts at
 * all, inline styles (e-mail HTML is styled inline), images only from data: URLs, framable by this origin.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireDevMailbox } from '../lib/dev-mail.server.js';

export async function loader({ context, params }: LoaderFunctionArgs) {
  const message = await requireDevMailbox(context).get(params.id ?? '');
  if (!message?.html) return new Response('Not found', { status: 404 });
  return new Response(message.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      'X-Frame-Options': 'SAMEORIGIN',
    },
  });
}
