/// <reference path="./svg-to-pdfkit.d.ts" />
/**
 * Ticket PDF (Node only: pdfkit needs Node streams and Buffers): the satori SVG of the one design, converted
 * to PDF vectors by svg-to-pdfkit with Inter embedded, plus the QR drawn as vector squares. The measured path
 * from shared/ENVIRONMENT.md: a vector PDF of ~15 KB whose text pdftotext extracts.
 */
import PDFDocument from 'pdfkit';
import satori from 'satori';
import SVGtoPDF from 'svg-to-pdfkit';
import type { TicketPdfRenderer } from '../delivery/worker.js';
import { loadParsedTicketFonts, loadTicketFonts, type TicketFonts } from './fonts.js';
import { INK, PAGE, QR_BOX } from './layout.js';
import { qrMatrix } from './qr.js';
import { TicketDesign } from './ticket-design.js';
import type { TicketView } from './view.js';

// Characters that only the Latin Extended face has (the rupee sign among them).
const LATIN_EXT = /[\u0100-\u02ff\u1e00-\u1eff\u20a0-\u20c0\u2c60-\u2c7f\ua720-\ua7ff]/;

/**
 * satori (embedFont: false) names every face `inter` and writes weights as numbers; svg-to-pdfkit picks fonts
 * by family and a bold flag. Runs that need the Latin Extended face are renamed to `inter-ext` (satori
 * already splits text runs where the face changes).
 */
function adaptSvg(svg: string): string {
  return svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (whole, attributes: string, text: string) =>
    LATIN_EXT.test(text)
      ? `<text ${attributes.replace('font-family="inter"', 'font-family="inter-ext"')}>${text}</text>`
      : whole,
  );
}

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let satoriFontList: SatoriFont[] | undefined;

/** One array for every render: satori caches the fonts it parsed per array it is given. */
function satoriFonts(fonts: TicketFonts): SatoriFont[] {
  const face = (data: Buffer, weight: 400 | 700): SatoriFont => ({
    name: 'Inter',
    data,
    weight,
    style: 'normal',
  });
  satoriFontList ??= [
    face(fonts.regular, 400),
    face(fonts.bold, 700),
    face(fonts.extRegular, 400),
    face(fonts.extBold, 700),
  ];
  return satoriFontList;
}

function drawQr(doc: PDFKit.PDFDocument, token: string): void {
  const { size, runs } = qrMatrix(token);
  // The quiet zone of 4 modules (ISO/IEC 18004) is part of the box, which the design leaves white.
  const module = QR_BOX.size / (size + 8);
  const origin = { x: QR_BOX.x + 4 * module, y: QR_BOX.y + 4 * module };
  for (const run of runs) {
    doc.rect(origin.x + run.col * module, origin.y + run.row * module, run.length * module, module);
  }
  doc.fillColor(INK).fill();
}

/** Renders one ticket. Deterministic apart from the PDF's creation date. */
export async function renderTicketPdf(view: TicketView): Promise<Uint8Array> {
  const [fonts, parsed] = await Promise.all([loadTicketFonts(), loadParsedTicketFonts()]);
  const svg = await satori(TicketDesign({ view }), {
    width: PAGE.width,
    height: PAGE.height,
    embedFont: false,
    fonts: satoriFonts(fonts),
  });
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    info: {
      Title: `Movie Magic ticket ${view.bookingCode}`,
      Author: 'Movie Magic',
      Subject: view.movieTitle,
    },
  });
  // pdfkit 0.20 accepts a parsed fontkit font (anything with `layout`) and subsets it per document.
  const register = doc.registerFont.bind(doc) as (name: string, font: unknown) => void;
  register('inter', parsed.regular);
  register('inter-bold', parsed.bold);
  register('inter-ext', parsed.extRegular);
  register('inter-ext-bold', parsed.extBold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  SVGtoPDF(doc, adaptSvg(svg), 0, 0, {
    assumePt: true,
    fontCallback: (family: string, bold: boolean) =>
      `${family.includes('ext') ? 'inter-ext' : 'inter'}${bold ? '-bold' : ''}`,
  });
  drawQr(doc, view.token);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The default renderer (satori + pdfkit). */
export const pdfTicketRenderer: TicketPdfRenderer = { render: renderTicketPdf };
