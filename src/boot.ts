// The page's entry, kept tiny: start the simulator worker, give its thread a
// moment to come up while the main thread is idle (see early-start.ts), then
// load and run the app, whose chunk the HTML has already preloaded.
import { workerStarted } from './worker/early-start';

void workerStarted().then(() => import('./main'));
