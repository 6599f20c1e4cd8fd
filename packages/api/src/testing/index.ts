/** Test support (entry `@movie-magic/api/testing`): the HTTP contract suite and a recording Mailer. Imports vitest. */
export { type ApiContractServer, describeApiContract } from './contract.js';
export { RecordingMailer } from './recording-mailer.js';
