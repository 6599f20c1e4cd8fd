/** Real outside tools on a rendered PDF: poppler (pdftotext, pdftoppm), zbar (zbarimg) and jsQR. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';

const run = promisify(execFile);

async function withPdf<T>(pdf: Uint8Array, fn: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mm-ticket-'));
  try {
    const file = join(dir, 'ticket.pdf');
    await writeFile(file, pdf);
    return await fn(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): Promise<string> {
  return withPdf(pdf, async (_dir, file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdf(pdf, async (_dir, file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  });
}

/** Rasterises page 1 at `dpi` and decodes QR codes with zbarimg and with jsQR on the same raster. */
export function decodeQr(pdf: Uint8Array, dpi = 150): Promise<{ zbar: string[]; jsqr: string | null }> {
  return withPdf(pdf, async (dir, file) => {
    await run('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-gray',
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    const pgm = join(dir, 'page.pgm');
    // zbarimg exits 4 when it finds no symbol; that is a result, not an error.
    const zbar = await run('zbarimg', ['-q', '--raw', pgm]).then(
      ({ stdout }) => stdout.split('\n').filter(Boolean),
      () => [],
    );
    return { zbar, jsqr: decodeWithJsQr(await readFile(pgm)) };
  });
}

/** Binary PGM (P5) -> RGBA -> jsQR. */
function decodeWithJsQr(pgm: Buffer): string | null {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const value = pixels[i] ?? 255;
    rgba.set([value, value, value, 255], i * 4);
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
