/**
 * Worker-thread entry of {@link createThreadedPdfRenderer}: renders the PDFs posted by the parent thread, so
 * satori and pdfkit (tens of milliseconds of synchronous CPU per ticket) never block the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { renderTicketPdf } from './pdf.js';
import type { TicketView } from './view.js';

const port = parentPort;
if (!port) throw new Error('render-thread must run in a worker thread');

port.on('message', async ({ id, view }: { id: number; view: TicketView }) => {
  try {
    const pdf = await renderTicketPdf(view);
    port.postMessage({ id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
