/**
 * Inter from @fontsource/inter (.woff: satori reads woff/ttf/otf but not woff2; pdfkit's fontkit reads woff).
 * Loaded once from the installed package: no network, no CDN. The faces are also parsed once with fontkit
 * and handed to pdfkit as font objects: parsing the WOFF again for every document cost ~100 ms per ticket.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);

/** The four faces the ticket uses (as sfnt): Latin, plus Latin Extended for the rupee sign (U+20B9). */
export interface TicketFonts {
  regular: Buffer;
  bold: Buffer;
  extRegular: Buffer;
  extBold: Buffer;
}

/** The same faces parsed by fontkit, for pdfkit's `registerFont`. */
export type ParsedTicketFonts = Record<keyof TicketFonts, fontkit.Font>;

let fonts: Promise<TicketFonts> | undefined;
let parsed: Promise<ParsedTicketFonts> | undefined;

async function face(file: string): Promise<Buffer> {
  return woffToSfnt(await readFile(require.resolve(`@fontsource/inter/files/${file}`)));
}

export function loadTicketFonts(): Promise<TicketFonts> {
  fonts ??= Promise.all([
    face('inter-latin-400-normal.woff'),
    face('inter-latin-700-normal.woff'),
    face('inter-latin-ext-400-normal.woff'),
    face('inter-latin-ext-700-normal.woff'),
  ]).then(([regular, bold, extRegular, extBold]) => ({ regular, bold, extRegular, extBold }));
  return fonts;
}

function parse(data: Buffer): fontkit.Font {
  const font = fontkit.create(data);
  if (!('layout' in font)) throw new Error('expected a single font, got a collection');
  return font;
}

export function loadParsedTicketFonts(): Promise<ParsedTicketFonts> {
  parsed ??= loadTicketFonts().then((faces) => ({
    regular: parse(faces.regular),
    bold: parse(faces.bold),
    extRegular: parse(faces.extRegular),
    extBold: parse(faces.extBold),
  }));
  return parsed;
}
