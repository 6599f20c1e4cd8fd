/**
 * The demo cinemas: fictional theaters in four Indian cities (the films are in movies-data.ts).
 */
import type { City, FORMATS, Theater } from '../domain.js';
import type { LayoutName } from './layouts.js';

type Format = (typeof FORMATS)[number];

export interface SeedCity extends City {
  tier: 'metro' | 'tier2';
}

export const SEED_CITIES: SeedCity[] = [
  { id: 'hyderabad', name: 'Hyderabad', state: 'Telangana', timeZone: 'Asia/Kolkata', tier: 'metro' },
  { id: 'nellore', name: 'Nellore', state: 'Andhra Pradesh', timeZone: 'Asia/Kolkata', tier: 'tier2' },
  { id: 'bengaluru', name: 'Bengaluru', state: 'Karnataka', timeZone: 'Asia/Kolkata', tier: 'metro' },
  { id: 'chennai', name: 'Chennai', state: 'Tamil Nadu', timeZone: 'Asia/Kolkata', tier: 'metro' },
];

export interface SeedScreen {
  suffix: string;
  name: string;
  layout: LayoutName;
  formats: Format[];
}

export interface SeedTheater extends Theater {
  screens: SeedScreen[];
}

const s1: SeedScreen = { suffix: 's1', name: 'Screen 1', layout: 'standard', formats: ['2D', '3D'] };
const s2: SeedScreen = { suffix: 's2', name: 'Screen 2', layout: 'compact', formats: ['2D'] };
const imax: SeedScreen = {
  suffix: 'imax',
  name: 'IMAX',
  layout: 'large',
  formats: ['IMAX 2D', 'IMAX 3D', '2D'],
};
const fourDx: SeedScreen = { suffix: '4dx', name: '4DX', layout: 'compact', formats: ['4DX', '3D', '2D'] };

const theater = (t: Omit<SeedTheater, 'screens'>, screens: SeedScreen[]): SeedTheater => ({ ...t, screens });

export const SEED_THEATERS: SeedTheater[] = [
  theater(
    {
      id: 'hyd-charminar-talkies',
      cityId: 'hyderabad',
      name: 'Charminar Talkies',
      address: '22 Pathergatti Road, Old City, Hyderabad 500002',
      amenities: ['Parking', 'Food court', 'Wheelchair access'],
    },
    [s1, s2],
  ),
  theater(
    {
      id: 'hyd-hitec-skyline',
      cityId: 'hyderabad',
      name: 'Skyline Screens HITEC City',
      address: 'Level 4, Cyber Pearl Mall, HITEC City, Hyderabad 500081',
      amenities: ['IMAX', 'Dolby Atmos', 'Recliners', 'Parking', 'Wheelchair access'],
    },
    [imax],
  ),
  theater(
    {
      id: 'hyd-banjara-palace',
      cityId: 'hyderabad',
      name: 'Banjara Picture Palace',
      address: 'Road No. 3, Banjara Hills, Hyderabad 500034',
      amenities: ['4DX', 'Café', 'M-Ticket'],
    },
    [fourDx, s1],
  ),
  theater(
    {
      id: 'nlr-penna-cinemas',
      cityId: 'nellore',
      name: 'Penna River Cinemas',
      address: 'Grand Trunk Road, Magunta Layout, Nellore 524003',
      amenities: ['Parking', 'Food court'],
    },
    [s1],
  ),
  theater(
    {
      id: 'nlr-grand-talkies',
      cityId: 'nellore',
      name: 'Nellore Grand Talkies',
      address: '14 Trunk Road, Santhapet, Nellore 524001',
      amenities: ['Wheelchair access', 'M-Ticket'],
    },
    [s2],
  ),
  theater(
    {
      id: 'nlr-lakeview',
      cityId: 'nellore',
      name: 'Lakeview Multiplex',
      address: 'Kovur Road, near Swarnala Cheruvu, Nellore 524002',
      amenities: ['Dolby Atmos', 'Recliners', 'Parking'],
    },
    [s1],
  ),
  theater(
    {
      id: 'blr-lalbagh-lights',
      cityId: 'bengaluru',
      name: 'Lalbagh Lights Cinema',
      address: '9 Lalbagh Fort Road, Basavanagudi, Bengaluru 560004',
      amenities: ['Café', 'Wheelchair access'],
    },
    [s1, s2],
  ),
  theater(
    {
      id: 'blr-indiranagar-reel',
      cityId: 'bengaluru',
      name: 'Indiranagar Reel House',
      address: '100 Feet Road, Indiranagar, Bengaluru 560038',
      amenities: ['Dolby Atmos', 'Bar lounge', 'Recliners'],
    },
    [s1],
  ),
  theater(
    {
      id: 'blr-whitefield-dome',
      cityId: 'bengaluru',
      name: 'Whitefield Dome',
      address: 'ITPL Main Road, Whitefield, Bengaluru 560066',
      amenities: ['IMAX', 'Parking', 'Food court', 'Wheelchair access'],
    },
    [imax],
  ),
  theater(
    {
      id: 'che-marina-pictures',
      cityId: 'chennai',
      name: 'Marina Pictures',
      address: '3 Kamarajar Salai, Triplicane, Chennai 600005',
      amenities: ['Parking', 'Wheelchair access'],
    },
    [s1],
  ),
  theater(
    {
      id: 'che-tnagar-silver',
      cityId: 'chennai',
      name: 'T. Nagar Silver Screen',
      address: '41 Usman Road, T. Nagar, Chennai 600017',
      amenities: ['Food court', 'M-Ticket'],
    },
    [s1, s2],
  ),
  theater(
    {
      id: 'che-velachery-4dx',
      cityId: 'chennai',
      name: 'Velachery Cineplex',
      address: 'Velachery Main Road, Velachery, Chennai 600042',
      amenities: ['4DX', 'Recliners', 'Parking'],
    },
    [fourDx],
  ),
];
