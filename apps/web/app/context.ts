/**
 * What every loader and action receives from the composition root (server/node.ts today, the edge worker
 * later). Routes reach adapters only through these ports, so the same routes run on both targets.
 */
import type { ApiDeps } from '@movie-magic/api';

/** A stored dev e-mail as listed on /dev/mail. */
export interface DevMailSummary {
  id: string;
  to: string;
  subject: string;
  date: string;
}

/** A stored dev e-mail with its bodies and attachments. */
export interface DevMailMessage extends DevMailSummary {
  text: string;
  html: string | null;
  attachments: { index: number; filename: string; contentType: string; size: number }[];
}

/** Read access to the dev mailbox (MAIL_TRANSPORT=dev). */
export interface DevMailbox {
  list(): Promise<DevMailSummary[]>;
  get(id: string): Promise<DevMailMessage | null>;
  attachment(
    id: string,
    index: number,
  ): Promise<{ filename: string; contentType: string; content: Uint8Array } | null>;
}

/** Runtime-specific capabilities the routes may use; each is null where the target cannot provide it. */
export interface WebServices {
  /** Renders the ticket PDF of a booking the caller has already been checked to own. */
  renderTicketPdf: ((bookingId: string) => Promise<Uint8Array>) | null;
  /** The dev mailbox, present only when MAIL_TRANSPORT=dev. */
  devMailbox: DevMailbox | null;
  /** The poster art for a movie id (SVG text), or null when unknown. */
  posterSvg: (movieId: string) => string | null;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    deps: ApiDeps;
    nonce: string;
    requestId: string;
    services: WebServices;
    /** The client's address as the HTTP server saw it (proxy-aware when TRUST_PROXY=on). */
    clientIp: string;
  }
}
