/**
 * Inter from @fontsource/inter (.woff: satori reads woff/ttf/otf but not woff2; pdfkit's fontkit reads woff).
 * Loaded once from the installed package: no network, no CDN.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The four faces the ticket uses: Latin, plus Latin Extended for the rupee sign (U+20B9). */
export interface TicketFonts {
  regular: Buffer;
  bold: Buffer;
  extRegular: Buffer;
  extBold: Buffer;
}

let fonts: Promise<TicketFonts> | undefined;

function face(file: string): Promise<Buffer> {
  return readFile(require.resolve(`@fontsource/inter/files/${file}`));
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
