/** Page geometry shared by the JSX design and the PDF writer (points; satori runs with 1 px = 1 pt). */
export const PAGE = { width: 360, height: 700 } as const;
/** Where the QR code goes: the design leaves this square blank, the PDF writer draws the modules into it. */
export const QR_BOX = { x: 95, y: 470, size: 170 } as const;
export const INK = '#111827';
export const MUTED = '#4b5563';
export const ACCENT = '#e11d48';
