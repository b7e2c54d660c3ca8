// The registry of simulated applications. To add an app: write one file that
// exports an AppFactory, register it here, and point the image catalog
// (images.ts) at its id.

import type { AppContext, AppFactory, AppInstance } from './types';
import { voteApp } from './vote';
import { redisApp } from './redis';
import { workerApp } from './worker';
import { postgresApp } from './postgres';
import { resultApp } from './result';
import { kuardApp } from './kuard';
import { nginxApp } from './nginx';
import { corednsApp } from './coredns';
import { genericApp, noApp } from './generic';

export const APPS: ReadonlyMap<string, AppFactory> = new Map(
  [voteApp, redisApp, workerApp, postgresApp, resultApp, kuardApp, nginxApp, corednsApp, genericApp, noApp].map((f) => [f.id, f]),
);

/** The app for a container: the image's behaviour, or nothing when the pod runs another command. */
export function createApp(ctx: AppContext, runsApp = true): AppInstance {
  const id = runsApp ? ctx.image.behaviour : 'none';
  return (APPS.get(id) ?? genericApp).create(ctx);
}

export type { AppContext, AppFactory, AppInstance } from './types';
export { lookupImage, imageFacts, hasProgram, type ImageInfo, type Tools, type Userland } from './images';
export { processFacts, containerArgv, type ProcessFacts } from './process';
export { connectByName, appResolver, type ConnectOutcome } from './connect';
