/** A small RFC 5545 reader for tests: unfolds lines and returns the first VEVENT's properties. */
export interface IcsEvent {
  method: string | undefined;
  uid: string | undefined;
  start: Date | undefined;
  end: Date | undefined;
  summary: string | undefined;
  location: string | undefined;
  status: string | undefined;
}

function unescapeText(value: string): string {
  return value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}

/** `20261214T140000Z` -> Date (UTC form only, which is what the ticket mail writes). */
function utcDate(value: string | undefined): Date | undefined {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

export function parseIcs(text: string): IcsEvent {
  // RFC 5545 section 3.1: a line starting with a space or tab continues the previous one.
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const calendar = new Map<string, string>();
  const event = new Map<string, string>();
  let inEvent = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') inEvent = true;
    else if (line === 'END:VEVENT') inEvent = false;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0] as string;
    const value = line.slice(colon + 1);
    const target = inEvent ? event : calendar;
    if (!target.has(name)) target.set(name, value);
  }
  return {
    method: calendar.get('METHOD'),
    uid: event.get('UID'),
    start: utcDate(event.get('DTSTART')),
    end: utcDate(event.get('DTEND')),
    summary: event.has('SUMMARY') ? unescapeText(event.get('SUMMARY') as string) : undefined,
    location: event.has('LOCATION') ? unescapeText(event.get('LOCATION') as string) : undefined,
    status: event.get('STATUS'),
  };
}
