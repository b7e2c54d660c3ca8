/** The worker's first message, posted before the simulator itself has loaded. */
export const WORKER_ALIVE = 'simulator:alive';
