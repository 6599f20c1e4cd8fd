/** Issue 3's benchmark lives beside the API (it reuses the API's test server); run it in the same process. */
import { benchConfirmWithWorker } from '../../packages/api/scripts/bench-confirm.js';
import { benchApi } from '../../packages/api/scripts/bench-http.js';
import { heading } from './stats.js';

export async function benchHttpApi(): Promise<void> {
  heading('The API over HTTP on the embedded store (issue 3)');
  await benchApi();
  heading('Confirm latency with the ticket worker running (issue 5)');
  await benchConfirmWithWorker();
}
