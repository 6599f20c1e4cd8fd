/**
 * The ticket PDF at the edge (ADR 008): the same {@link TicketView} and signed QR token as the Node renderer,
 * laid out with pdf-lib, which is plain JavaScript and so runs on workerd. The Node renderer (satori ->
 * svg-to-pdfkit -> pdfkit) cannot: satori compiles its layout engine's WebAssembly at run time, which
 * Workers forbid, and pdfkit reads its font metrics from disk. Text stays extractable and the QR is drawn
 * as vector squares, as on Node; the standard Helvetica faces replace Inter, so the rupee sign is written
 * "Rs" (WinAnsi has no U+20B9).
 */
import type { TicketView } from '@movie-magic/tickets';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';

const PAGE = { width: 420, height: 640, margin: 28 };
const INK = rgb(0.07, 0.07, 0.1);
const MUTED = rgb(0.36, 0.36, 0.42);
const GOLD = rgb(0.96, 0.77, 0.33);
const SCREEN = rgb(0.04, 0.04, 0.06);
const QR_SIZE = 150;

/** Characters the standard fonts' WinAnsi encoding has; anything else would make pdf-lib throw. */
function winAnsi(text: string): string {
  return text
    .replaceAll('\u20b9', 'Rs ')
    .replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

interface Pen {
  page: PDFPage;
  y: number;
}

function write(
  pen: Pen,
  text: string,
  font: PDFFont,
  size: number,
  color = INK,
  maxWidth = PAGE.width - 2 * PAGE.margin,
): void {
  const words = winAnsi(text).split(/\s+/);
  let line = '';
  const flush = () => {
    pen.y -= size * 1.3;
    pen.page.drawText(line, { x: PAGE.margin, y: pen.y, size, font, color });
    line = '';
  };
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > maxWidth) flush();
    line = line ? `${line} ${word}` : word;
  }
  if (line) flush();
}

function drawQr(page: PDFPage, token: string): void {
  const { modules } = QRCode.create(token, { errorCorrectionLevel: 'M' });
  // The quiet zone of 4 modules (ISO/IEC 18004) stays white inside the box.
  const module = QR_SIZE / (modules.size + 8);
  const left = PAGE.width - PAGE.margin - QR_SIZE + 4 * module;
  const top = PAGE.margin + QR_SIZE - 4 * module;
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        const x = left + start * module;
        page.drawRectangle({
          x,
          y: top - (row + 1) * module,
          width: (col - start) * module,
          height: module,
          color: INK,
        });
        start = -1;
      }
    }
  }
}

/** Renders one ticket as a single-page PDF. */
export async function renderEdgeTicketPdf(view: TicketView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Movie Magic ticket ${view.bookingCode}`);
  doc.setAuthor('Movie Magic');
  doc.setSubject(winAnsi(view.movieTitle));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([PAGE.width, PAGE.height]);

  page.drawRectangle({ x: 0, y: PAGE.height - 64, width: PAGE.width, height: 64, color: SCREEN });
  page.drawText('Movie Magic', { x: PAGE.margin, y: PAGE.height - 40, size: 18, font: bold, color: GOLD });
  page.drawText(view.status === 'cancelled' ? 'CANCELLED' : 'E-TICKET', {
    x: PAGE.width - PAGE.margin - 90,
    y: PAGE.height - 40,
    size: 12,
    font: bold,
    color: rgb(1, 1, 1),
  });

  const pen: Pen = { page, y: PAGE.height - 72 };
  write(pen, view.movieTitle, bold, 20);
  write(
    pen,
    `${view.certificate} | ${view.language} | ${view.format} | ${view.runtimeMinutes} min`,
    regular,
    10,
    MUTED,
  );
  pen.y -= 8;
  write(pen, `${view.dateLabel}, ${view.timeLabel}`, bold, 14);
  write(pen, `${view.theaterName}, ${view.screenName}`, regular, 11);
  write(pen, `${view.theaterAddress}, ${view.cityName}`, regular, 9, MUTED);
  pen.y -= 8;
  write(pen, 'Seats', bold, 11);
  for (const line of view.seatLines) write(pen, line, regular, 11);
  pen.y -= 8;
  for (const price of view.prices) write(pen, `${price.label}: ${price.amount}`, regular, 10, MUTED);
  write(pen, `Total paid: ${view.total}`, bold, 11);

  page.drawText('Booking code', {
    x: PAGE.margin,
    y: PAGE.margin + 70,
    size: 10,
    font: regular,
    color: MUTED,
  });
  page.drawText(winAnsi(view.bookingCode), {
    x: PAGE.margin,
    y: PAGE.margin + 44,
    size: 22,
    font: bold,
    color: INK,
  });
  page.drawText('Show this QR code at the entrance.', {
    x: PAGE.margin,
    y: PAGE.margin + 20,
    size: 9,
    font: regular,
    color: MUTED,
  });
  drawQr(page, view.token);
  return doc.save();
}
