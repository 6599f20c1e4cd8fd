/** Downloads one attachment of a dev e-mail (the ticket PDF, the .ics event). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireDevMailbox } from '../lib/dev-mail.server.js';

export async function loader({ context, params }: LoaderFunctionArgs) {
  const index = Number(params.index);
  const attachment = Number.isInteger(index)
    ? await requireDevMailbox(context).attachment(params.id ?? '', index)
    : null;
  if (!attachment) return new Response('Not found', { status: 404 });
  const filename = attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(attachment.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
