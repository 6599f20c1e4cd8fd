/**
 * QR modules as rectangles: `qrcode`'s `create()` gives the module matrix, and each horizontal run of dark
 * modules becomes one rectangle (fewer drawing operations, a smaller PDF, no hairline gaps between modules).
 */
import QRCode from 'qrcode';

export interface QrRun {
  row: number;
  col: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRun[];
}

/** Error correction M (15%): survives a crease or a smudge while keeping the symbol small. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}
