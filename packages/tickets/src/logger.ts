/** The logging port of the tickets package: structured fields, no dependency on a logging library. */
export interface TicketLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Drops everything (tests, benchmarks). */
export const silentLogger: TicketLogger = { info() {}, warn() {}, error() {} };

/** One JSON line per event on the console (CloudWatch and `pnpm start` both read it well). */
export const jsonConsoleLogger: TicketLogger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
