/**
 * Generated poster art: no real posters are used. Each film gets a deterministic SVG (2:3, 400x600) from
 * a hash of its id: a two-colour gradient, a sun or moon, layered hills, and the title set in large type.
 * The web app serves it at `/posters/<movieId>.svg`.
 */
import { SEED_MOVIES } from './movies-data.js';

const WIDTH = 400;
const HEIGHT = 600;

/** FNV-1a: tiny, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Splits a title into lines of at most `max` characters, on word boundaries. */
function wrap(title: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The poster of a seeded film, or null for an id the seed does not know. */
export function renderPosterSvg(movieId: string): string | null {
  const movie = SEED_MOVIES.find((m) => m.id === movieId);
  if (!movie) return null;
  const h = hash(movie.id);
  const hue = h % 360;
  const top = `hsl(${hue} 70% 22%)`;
  const bottom = `hsl(${(hue + 40) % 360} 80% 55%)`;
  const orb = `hsl(${(hue + 180) % 360} 90% 75%)`;
  const orbX = 80 + ((h >>> 9) % 240);
  const orbY = 110 + ((h >>> 17) % 120);
  const hills = [0, 1, 2].map((layer) => {
    const base = 380 + layer * 55;
    const peak = base - 60 - ((h >>> (layer * 5)) % 70);
    const shade = `hsl(${(hue + 200 + layer * 15) % 360} 40% ${12 + layer * 8}%)`;
    return `<path d="M0 ${base} Q ${100 + layer * 60} ${peak} 200 ${base - 20} T ${WIDTH} ${base - 10} V ${HEIGHT} H 0 Z" fill="${shade}"/>`;
  });
  const lines = wrap(movie.title.toUpperCase(), 14);
  const title = lines
    .map(
      (line, i) =>
        `<text x="200" y="${470 + i * 44 - (lines.length - 1) * 22}" text-anchor="middle" font-size="38" font-weight="700" letter-spacing="2" fill="#fff">${escapeXml(line)}</text>`,
    )
    .join('');
  const tagline = escapeXml(`${movie.languages.join(' · ')} · ${movie.certificate}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(movie.title)} poster">`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>`,
    `<circle cx="${orbX}" cy="${orbY}" r="${46 + (h % 30)}" fill="${orb}" opacity="0.85"/>`,
    ...hills,
    `<g font-family="Inter, Helvetica, Arial, sans-serif">${title}`,
    `<text x="200" y="570" text-anchor="middle" font-size="16" fill="#ffffffcc">${tagline}</text></g>`,
    '</svg>',
  ].join('');
}
