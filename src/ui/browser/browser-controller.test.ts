import { describe, expect, it } from 'vitest';
import { runScript } from '../../cli/script';
import type { BrowserRequest, BrowserResult } from '../../shell/net/browser';
import { BrowserController, DEFAULT_ADDRESS } from './browser-controller';
import { describeError } from './error-page';

function page(url: string, body: string, servedBy = '10.40.0.2:80'): BrowserResult {
  return { kind: 'page', url, status: 200, reason: 'OK', headers: [], html: body, servedBy };
}

function fakeBrowser() {
  const requests: BrowserRequest[] = [];
  let n = 0;
  const browser = new BrowserController({
    browse: async (req) => {
      requests.push(req);
      if (req.url.includes('refused')) return { kind: 'error', url: req.url, code: 'ERR_CONNECTION_REFUSED' };
      return page(req.url, `<p>${req.method} ${++n}</p>`);
    },
    snapshot: () => null,
    newToken: () => `tok${n}`,
  });
  return { browser, requests };
}

describe('BrowserController', () => {
  it('goes, reloads and goes back, keeping history like a browser', async () => {
    const { browser, requests } = fakeBrowser();
    expect(browser.store.getState().address).toBe(DEFAULT_ADDRESS);
    browser.setAddress('172.18.0.2:30000/');
    await browser.go();
    await browser.fromFrame({ kind: 'navigate', href: '/results' });
    await browser.reload();
    expect(browser.store.getState()).toMatchObject({ history: ['http://172.18.0.2:30000/'], loads: 3, address: 'http://172.18.0.2:30000/results' });
    await browser.back();
    expect(browser.store.getState()).toMatchObject({ history: [], address: 'http://172.18.0.2:30000/' });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://172.18.0.2:30000/',
      'GET http://172.18.0.2:30000/results',
      'GET http://172.18.0.2:30000/results',
      'GET http://172.18.0.2:30000/',
    ]);
  });

  it('posts forms to the action resolved against the page, and renders in a fresh frame', async () => {
    const { browser, requests } = fakeBrowser();
    await browser.go();
    const first = browser.store.getState().page!;
    await browser.fromFrame({ kind: 'submit', method: 'POST', action: '', body: 'vote=b' });
    expect(requests.at(-1)).toEqual({ url: 'http://172.18.0.2:30000/', method: 'POST', form: 'vote=b' });
    const second = browser.store.getState().page!;
    expect(second.token).not.toBe(first.token);
    expect(second.srcdoc).toContain('<p>POST 2</p>');
    expect(second.srcdoc).toContain(JSON.stringify(second.token));
    await browser.fromFrame({ kind: 'navigate', href: 'javascript:alert(1)' });
    expect(requests).toHaveLength(2);
  });

  it('keeps the error of a failed request for the error page', async () => {
    const { browser } = fakeBrowser();
    browser.setAddress('http://172.18.0.9:30000/refused');
    await browser.go();
    const p = browser.store.getState().page!;
    expect(p.srcdoc).toBeNull();
    expect(p.result).toEqual({ kind: 'error', url: 'http://172.18.0.9:30000/refused', code: 'ERR_CONNECTION_REFUSED' });
    expect(describeError('ERR_CONNECTION_REFUSED', p.result.url)).toMatchObject({ title: 'This site can’t be reached', detail: '172.18.0.9 refused to connect.' });
  });

  it('shows the newest navigation when an older one answers late', async () => {
    const answers: ((r: BrowserResult) => void)[] = [];
    const browser = new BrowserController({ browse: () => new Promise((r) => answers.push(r)), snapshot: () => null, newToken: () => 't' });
    const slow = browser.go();
    browser.setAddress('http://172.18.0.3:30000/');
    const fast = browser.go();
    answers[1](page('http://172.18.0.3:30000/', 'new'));
    answers[0](page(DEFAULT_ADDRESS, 'old'));
    await Promise.all([slow, fast]);
    expect(browser.store.getState().page?.result.url).toBe('http://172.18.0.3:30000/');
  });

  it('loads the vote page through the simulation, names the pod that served it, and votes', async () => {
    const { sim, session } = await runScript(
      ['kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3', 'kubectl create service nodeport vote --tcp=80 --node-port=30000', 'sleep 60'].join('\n'),
      [],
    );
    const browser = new BrowserController({ browse: async (req) => session.browse(req), snapshot: () => sim.snapshot(), newToken: () => 'vote' });
    await browser.go();
    const p = browser.store.getState().page!;
    expect(p.result).toMatchObject({ kind: 'page', status: 200 });
    expect(p.srcdoc).toContain('Emacs vs Vi!');
    const pod = p.served!.pod!;
    expect(pod).toMatch(/^vote-/);
    expect(p.srcdoc).toContain(`Processed by container ID ${pod}`);
    expect(p.served!.address).toMatch(/^10\.\d+\.\d+\.\d+:80$/);
    // Button a: no redis Service yet, so the app fails with the Werkzeug 500 page.
    await browser.fromFrame({ kind: 'submit', method: 'POST', action: '/', body: 'vote=a' });
    const voted = browser.store.getState().page!;
    expect(voted.result).toMatchObject({ kind: 'page', status: 500, reason: 'Internal Server Error' });
    expect(voted.srcdoc).toContain('<h1>Internal Server Error</h1>');
  });
});
