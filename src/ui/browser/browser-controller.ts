// The in-app browser's state and navigation: address bar, Go, Reload, Back, and
// the links and forms of the page. Every request goes to the worker's `browse`
// (from the learner's host, through the node's iptables, to a pod); the worker
// keeps the cookies. A newer navigation wins over one still under way.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BrowserRequest, BrowserResult } from '../../shell/net/browser';
import type { ClusterSnapshot } from '../../worker/protocol';
import { buildSrcdoc, type FrameRequest } from './frame-protocol';
import { servedBy, type ServedBy } from './served-by';
import { addressToUrl, resolveUrl, withQuery } from './url';

export const DEFAULT_ADDRESS = 'http://172.18.0.2:30000/';

export interface BrowserPage {
  /** The request that produced this page. */
  request: BrowserRequest;
  result: BrowserResult;
  /** What the frame renders (pages only), and the token its messages carry. */
  srcdoc: string | null;
  token: string;
  served: ServedBy | null;
}

export interface BrowserState {
  /** The address bar's text (what the learner typed, or the page's URL). */
  address: string;
  page: BrowserPage | null;
  /** URLs of earlier entries, for Back. */
  history: string[];
  loading: boolean;
  /** Responses shown so far (each reload counts). */
  loads: number;
}

export interface BrowserPorts {
  browse(req: BrowserRequest): Promise<BrowserResult>;
  snapshot(): ClusterSnapshot | null;
  newToken(): string;
}

const INITIAL: BrowserState = { address: DEFAULT_ADDRESS, page: null, history: [], loading: false, loads: 0 };

export class BrowserController {
  readonly store: StoreApi<BrowserState> = createStore<BrowserState>()(() => ({ ...INITIAL }));
  private sequence = 0;

  constructor(private readonly ports: BrowserPorts) {}

  setAddress(text: string): void {
    this.store.setState({ address: text });
  }

  /** Go (or Enter) in the address bar. */
  go(): Promise<void> {
    const url = addressToUrl(this.store.getState().address);
    if (url === '') return Promise.resolve();
    return this.load({ url, method: 'GET' }, 'push');
  }

  /** Load the current page again (a GET, also after a form POST). */
  reload(): Promise<void> {
    const s = this.store.getState();
    const url = s.page?.result.url ?? addressToUrl(s.address);
    if (url === '') return Promise.resolve();
    return this.load({ url, method: 'GET' }, 'replace');
  }

  back(): Promise<void> {
    const history = this.store.getState().history;
    if (history.length === 0) return Promise.resolve();
    const url = history[history.length - 1];
    this.store.setState({ history: history.slice(0, -1) });
    return this.load({ url, method: 'GET' }, 'replace');
  }

  /** A link click or form submit inside the page. */
  fromFrame(req: FrameRequest): Promise<void> {
    const base = this.store.getState().page?.result.url;
    if (!base) return Promise.resolve();
    if (req.kind === 'navigate') {
      const url = resolveUrl(req.href, base);
      return url ? this.load({ url, method: 'GET' }, 'push') : Promise.resolve();
    }
    const action = resolveUrl(req.action, base);
    if (!action) return Promise.resolve();
    if (req.method === 'GET') return this.load({ url: withQuery(action, req.body), method: 'GET' }, 'push');
    return this.load({ url: action, method: 'POST', form: req.body }, 'push');
  }

  /** A fresh cluster: a fresh browser (the worker's cookie jar went with the old cluster). */
  reset(): void {
    this.sequence++;
    this.store.setState({ ...INITIAL });
  }

  private async load(request: BrowserRequest, entry: 'push' | 'replace'): Promise<void> {
    const seq = ++this.sequence;
    this.store.setState({ loading: true, address: request.url });
    let result: BrowserResult;
    try {
      result = await this.ports.browse(request);
    } catch (err) {
      if (seq === this.sequence) this.store.setState({ loading: false });
      throw err;
    }
    if (seq !== this.sequence) return;
    const s = this.store.getState();
    const previous = s.page?.result.url;
    const history = entry === 'push' && previous !== undefined ? [...s.history, previous] : s.history;
    const token = this.ports.newToken();
    const page: BrowserPage = {
      request,
      result,
      token,
      srcdoc: result.kind === 'page' ? buildSrcdoc(result.html, token) : null,
      served: result.kind === 'page' ? servedBy(result.servedBy, this.ports.snapshot()) : null,
    };
    this.store.setState({ page, history, loading: false, loads: s.loads + 1, address: result.url });
  }
}
