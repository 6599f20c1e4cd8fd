/**
 * The demo films: all fictional. Any resemblance to real titles is accidental; no real posters are used
 * (posters.ts generates the art).
 */
import type { Movie } from '../domain.js';

/** Movies without release dates and poster URLs (the seed derives both). */
export type SeedMovie = Omit<Movie, 'releaseDate' | 'posterUrl'> & { releasedDaysAgo: number };

export const SEED_MOVIES: SeedMovie[] = [
  {
    id: 'godavari-tides',
    title: 'Godavari Tides',
    synopsis:
      'Three generations of a boat-building family in Rajahmundry face the season the river changes course.',
    runtimeMinutes: 152,
    certificate: 'UA',
    languages: ['Telugu', 'Hindi'],
    formats: ['2D'],
    genres: ['Drama', 'Family'],
    cast: ['Meera Vallabhaneni', 'Surya Kondapalli'],
    releasedDaysAgo: 9,
  },
  {
    id: 'monsoon-circuit',
    title: 'Monsoon Circuit',
    synopsis:
      'A disgraced rally driver gets one last race across the Western Ghats while the rains close every road.',
    runtimeMinutes: 161,
    certificate: 'UA',
    languages: ['Hindi', 'Telugu', 'Tamil'],
    formats: ['2D', '3D', 'IMAX 2D', '4DX'],
    genres: ['Action', 'Thriller'],
    cast: ['Kabir Anand', 'Ishita Rao'],
    releasedDaysAgo: 2,
  },
  {
    id: 'the-paper-elephant',
    title: 'The Paper Elephant',
    synopsis: 'An origami elephant folded by a lonely girl in Mysuru comes alive the night before Dasara.',
    runtimeMinutes: 98,
    certificate: 'U',
    languages: ['English', 'Hindi'],
    formats: ['2D', '3D'],
    genres: ['Animation', 'Family'],
    cast: ['Voice of Tara Menon'],
    releasedDaysAgo: 16,
  },
  {
    id: 'lantern-coast',
    title: 'Lantern Coast',
    synopsis:
      'A fishing village near Pulicat keeps a secret that a young police inspector was never meant to find.',
    runtimeMinutes: 139,
    certificate: 'A',
    languages: ['Tamil'],
    formats: ['2D'],
    genres: ['Thriller', 'Mystery'],
    cast: ['Arul Selvan', 'Nandhini Raghavan'],
    releasedDaysAgo: 5,
  },
  {
    id: 'saffron-signal',
    title: 'Saffron Signal',
    synopsis: 'Two rival traffic-radio hosts in Vijayawada are forced to share one morning show.',
    runtimeMinutes: 128,
    certificate: 'U',
    languages: ['Telugu'],
    formats: ['2D'],
    genres: ['Comedy', 'Romance'],
    cast: ['Harika Pulipati', 'Vamsi Teja'],
    releasedDaysAgo: 12,
  },
  {
    id: 'orbit-of-ashes',
    title: 'Orbit of Ashes',
    synopsis:
      'The crew of India’s first crewed station must decide who returns when only one capsule is left.',
    runtimeMinutes: 147,
    certificate: 'UA',
    languages: ['English', 'Hindi'],
    formats: ['2D', '3D', 'IMAX 2D', 'IMAX 3D'],
    genres: ['Science fiction', 'Drama'],
    cast: ['Rohan Iyer', 'Sana Qureshi'],
    releasedDaysAgo: 1,
  },
  {
    id: 'nine-yards-home',
    title: 'Nine Yards Home',
    synopsis: 'A retired kabaddi coach trains a team of weavers’ daughters for the state championship.',
    runtimeMinutes: 134,
    certificate: 'U',
    languages: ['Hindi'],
    formats: ['2D'],
    genres: ['Sports', 'Drama'],
    cast: ['Pallavi Deshmukh', 'Anil Rawat'],
    releasedDaysAgo: 20,
  },
  {
    id: 'paddy-field-thunder',
    title: 'Paddy Field Thunder',
    synopsis: 'A village strongman takes on a sand-mining syndicate the week of the harvest festival.',
    runtimeMinutes: 156,
    certificate: 'UA',
    languages: ['Telugu', 'Tamil'],
    formats: ['2D', '4DX'],
    genres: ['Action', 'Rural'],
    cast: ['Bhaskar Naidu', 'Kaveri Reddy'],
    releasedDaysAgo: 3,
  },
  {
    id: 'midnight-tiffin-club',
    title: 'The Midnight Tiffin Club',
    synopsis:
      'Four night-shift workers in Bengaluru run a secret dosa stall that becomes the city’s worst-kept secret.',
    runtimeMinutes: 112,
    certificate: 'UA',
    languages: ['English', 'Tamil'],
    formats: ['2D'],
    genres: ['Comedy'],
    cast: ['Dev Malhotra', 'Aparna Kini'],
    releasedDaysAgo: 7,
  },
];
