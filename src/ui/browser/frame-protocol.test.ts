import { describe, expect, it } from 'vitest';
import { buildSrcdoc, FRAME_CHANNEL, FRAME_CSP, frameScript, parseFrameMessage } from './frame-protocol';

/** Just enough DOM for the frame script: capturing listeners, a form with fields, links. */
class FakeElement {
  constructor(
    readonly attrs: Record<string, string> = {},
    readonly parent: FakeElement | null = null,
    readonly tag = 'div',
  ) {}
  name = '';
  value = '';
  scrolled = false;
  getAttribute(n: string): string | null {
    return this.attrs[n] ?? null;
  }
  closest(sel: string): FakeElement | null {
    if (sel !== 'a[href]') throw new Error(`unexpected selector ${sel}`);
    for (let e: FakeElement | null = this; e; e = e.parent) if (e.tag === 'a' && 'href' in e.attrs) return e;
    return null;
  }
  scrollIntoView() {
    this.scrolled = true;
  }
}
class FakeForm extends FakeElement {
  constructor(
    attrs: Record<string, string>,
    readonly fields: [string, string][],
  ) {
    super(attrs, null, 'form');
  }
}

function runFrame(token: string) {
  const listeners: Record<string, (e: unknown) => void> = {};
  const posted: unknown[] = [];
  const byId: Record<string, FakeElement> = {};
  const document = {
    addEventListener: (type: string, fn: (e: unknown) => void, capture: boolean) => {
      expect(capture).toBe(true);
      listeners[type] = fn;
    },
    getElementById: (id: string) => byId[id] ?? null,
  };
  const parent = { postMessage: (m: unknown, target: string) => posted.push({ m, target }) };
  class FormData {
    readonly entries: [string, string][];
    constructor(form: FakeForm, submitter?: FakeElement) {
      this.entries = [...form.fields];
      if (submitter?.name) this.entries.push([submitter.name, submitter.value]);
    }
    [Symbol.iterator]() {
      return this.entries[Symbol.iterator]();
    }
  }
  new Function('document', 'parent', 'HTMLFormElement', 'FormData', frameScript(token))(document, parent, FakeForm, FormData);
  const fire = (type: string, event: Record<string, unknown>) => {
    let prevented = false;
    listeners[type]({ ...event, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, posted, byId };
}

describe('frame protocol', () => {
  it('turns a button submit into a POST message with the clicked button’s value', () => {
    const { fire, posted } = runFrame('t1');
    const form = new FakeForm({ method: 'POST', action: '/' }, [['voter', 'x y']]);
    const button = Object.assign(new FakeElement({}, form, 'button'), { name: 'vote', value: 'a' });
    expect(fire('submit', { target: form, submitter: button })).toBe(true);
    expect(posted).toEqual([{ m: { kind: 'submit', method: 'POST', action: '/', body: 'voter=x+y&vote=a', channel: FRAME_CHANNEL, token: 't1' }, target: '*' }]);
    expect(parseFrameMessage((posted[0] as { m: unknown }).m, 't1')).toEqual({ kind: 'submit', method: 'POST', action: '/', body: 'voter=x+y&vote=a' });
  });

  it('sends GET forms with formaction overrides, links as navigations, and scrolls for #fragments', () => {
    const { fire, posted, byId } = runFrame('t2');
    const form = new FakeForm({}, [['q', 'redis']]);
    const button = new FakeElement({ formaction: '/search' }, form, 'button');
    fire('submit', { target: form, submitter: button });
    const link = new FakeElement({ href: '../results' }, null, 'a');
    const icon = new FakeElement({}, link, 'svg');
    expect(fire('click', { target: icon })).toBe(true);
    byId.top = new FakeElement();
    fire('click', { target: new FakeElement({ href: '#top' }, null, 'a') });
    expect(byId.top.scrolled).toBe(true);
    expect(fire('click', { target: new FakeElement() })).toBe(false);
    expect(posted.map((p) => parseFrameMessage((p as { m: unknown }).m, 't2'))).toEqual([
      { kind: 'submit', method: 'GET', action: '/search', body: 'q=redis' },
      { kind: 'navigate', href: '../results' },
    ]);
  });

  it('accepts only well-formed messages with this page’s token', () => {
    const ok = { channel: FRAME_CHANNEL, token: 'abc', kind: 'navigate', href: '/x' };
    expect(parseFrameMessage(ok, 'abc')).toEqual({ kind: 'navigate', href: '/x' });
    expect(parseFrameMessage(ok, 'other')).toBeNull();
    expect(parseFrameMessage({ ...ok, channel: 'x' }, 'abc')).toBeNull();
    expect(parseFrameMessage({ channel: FRAME_CHANNEL, token: 'abc', kind: 'submit', method: 'DELETE', action: '/', body: '' }, 'abc')).toBeNull();
    expect(parseFrameMessage({ channel: FRAME_CHANNEL, token: 'abc', kind: 'navigate', href: 5 }, 'abc')).toBeNull();
    expect(parseFrameMessage('hello', 'abc')).toBeNull();
    expect(parseFrameMessage(null, 'abc')).toBeNull();
  });

  it('puts the no-network policy and the script first, after the doctype', () => {
    const doc = buildSrcdoc('<!DOCTYPE html>\n<html><head><title>Emacs vs Vi!</title></head></html>', 'tok');
    expect(doc.startsWith('<!DOCTYPE html><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(doc).toContain(`content="${FRAME_CSP}"`);
    expect(doc.indexOf('<script>')).toBeLessThan(doc.indexOf('<title>'));
    expect(FRAME_CSP).toMatch(/default-src 'none'/);
    const bare = buildSrcdoc('<title>500 Internal Server Error</title>', 'tok');
    expect(bare.startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(bare.endsWith('<title>500 Internal Server Error</title>')).toBe(true);
  });
});
