// Any image the catalog does not model: its process accepts TCP on the
// container's declared ports and says nothing that HTTP understands, so curl
// reports "Empty reply from server". Images with no program to run (pause,
// busybox sleeping) use `none`: nothing listens, connections are refused.

import type { AppContext, AppFactory, AppInstance, HttpNoResponse } from './types';

class GenericApp implements AppInstance {
  readonly behaviour = 'generic';
  constructor(private readonly ctx: AppContext) {}

  listens(port: number): boolean {
    return this.ctx.containerPorts.includes(port);
  }

  start(): void {}

  http(): HttpNoResponse {
    return { status: 0, closed: 'empty-reply' };
  }
}

class NoApp implements AppInstance {
  readonly behaviour = 'none';
  listens(): boolean {
    return false;
  }
  start(): void {}
}

export const genericApp: AppFactory = { id: 'generic', create: (ctx) => new GenericApp(ctx) };
export const noApp: AppFactory = { id: 'none', create: () => new NoApp() };
