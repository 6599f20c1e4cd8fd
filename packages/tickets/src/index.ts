/** Pure entry point of the tickets package (safe for every runtime): ports and shared schemas. */
export type * from './ports.js';
