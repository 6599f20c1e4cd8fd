/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * THE ticket design, written once as JSX for satori (flexbox only: satori implements a subset of CSS, see
 * https://github.com/vercel/satori#css). The QR square is left empty here and drawn as vector modules by
 * the PDF writer, so it stays sharp at any zoom and scanners see crisp edges.
 */
import type { ReactNode } from 'react';
import { ACCENT, INK, MUTED, PAGE, QR_BOX } from './layout.js';
import type { TicketView } from './view.js';

function Label({ children }: { children: ReactNode }) {
  return (
    <div style={{ fontSize: 8, color: MUTED, textTransform: 'uppercase', marginBottom: 2 }}>{children}</div>
  );
}

function Field({ label, children, grow }: { label: string; children: ReactNode; grow?: boolean }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flexGrow: grow ? 1 : 0, marginRight: 12 }}>
      <Label>{label}</Label>
      <div style={{ fontSize: 12, fontWeight: 700, color: INK }}>{children}</div>
    </div>
  );
}

export function TicketDesign({ view }: { view: TicketView }) {
  return (
    <div
      style={{
        width: PAGE.width,
        height: PAGE.height,
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: '#ffffff',
        fontFamily: 'Inter',
        color: INK,
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          backgroundColor: ACCENT,
          color: '#ffffff',
          padding: '14px 20px',
        }}
      >
        <div style={{ fontSize: 16, fontWeight: 700 }}>Movie Magic</div>
        <div style={{ fontSize: 10 }}>{view.status === 'cancelled' ? 'CANCELLED' : 'E-TICKET'}</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '14px 20px 0 20px' }}>
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <div style={{ fontSize: 20, fontWeight: 700, maxWidth: 270 }}>{view.movieTitle}</div>
          <div
            style={{
              marginLeft: 8,
              fontSize: 9,
              fontWeight: 700,
              border: `1px solid ${INK}`,
              borderRadius: 3,
              padding: '1px 4px',
            }}
          >
            {view.certificate}
          </div>
        </div>
        <div style={{ fontSize: 11, color: MUTED, marginTop: 3 }}>
          {view.language} · {view.format} · {view.runtimeMinutes} min
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 12 }}>
          <div style={{ fontSize: 12, fontWeight: 700 }}>{view.theaterName}</div>
          <div style={{ fontSize: 9, color: MUTED, marginTop: 2 }}>{view.theaterAddress}</div>
        </div>
        <div style={{ display: 'flex', marginTop: 12 }}>
          <Field label="Date">{view.dateLabel}</Field>
          <Field label="Time">{view.timeLabel}</Field>
          <Field label="Screen" grow>
            {view.screenName}
          </Field>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 12 }}>
          <Label>{`Seats (${view.seats.length})`}</Label>
          {view.seatLines.map((line) => (
            <div key={line} style={{ fontSize: 12, fontWeight: 700 }}>
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 12 }}>
          {view.prices.map((line) => (
            <div key={line.label} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 10 }}>
              <div style={{ color: MUTED }}>{line.label}</div>
              <div>{line.amount}</div>
            </div>
          ))}
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              fontSize: 12,
              fontWeight: 700,
              borderTop: `1px solid ${INK}`,
              marginTop: 4,
              paddingTop: 4,
            }}
          >
            <div>Total paid</div>
            <div>{view.total}</div>
          </div>
        </div>
      </div>
      <div
        style={{
          position: 'absolute',
          left: 0,
          top: QR_BOX.y - 16,
          width: PAGE.width,
          display: 'flex',
          justifyContent: 'center',
          borderTop: '1px dashed #9ca3af',
        }}
      />
      <div
        style={{
          position: 'absolute',
          left: 0,
          top: QR_BOX.y + QR_BOX.size + 6,
          width: PAGE.width,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
        }}
      >
        <div style={{ fontSize: 8, color: MUTED }}>BOOKING CODE</div>
        <div style={{ fontSize: 18, fontWeight: 700 }}>{view.bookingCode}</div>
      </div>
    </div>
  );
}
