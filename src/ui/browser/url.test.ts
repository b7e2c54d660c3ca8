import { describe, expect, it } from 'vitest';
import { addressToUrl, hostOf, resolveUrl, withQuery } from './url';

describe('browser URLs', () => {
  it('reads typed addresses as Chrome does', () => {
    expect(addressToUrl(' 172.18.0.2:30000 ')).toBe('http://172.18.0.2:30000');
    expect(addressToUrl('https://example.test/a')).toBe('https://example.test/a');
    expect(addressToUrl('   ')).toBe('');
  });

  it('resolves links and form actions against the page URL', () => {
    const page = 'http://172.18.0.2:30000/results/today?x=1';
    expect(resolveUrl('/', page)).toBe('http://172.18.0.2:30000/');
    expect(resolveUrl('', page)).toBe('http://172.18.0.2:30000/results/today?x=1');
    expect(resolveUrl('other', page)).toBe('http://172.18.0.2:30000/results/other');
    expect(resolveUrl('../up#frag', page)).toBe('http://172.18.0.2:30000/up');
    expect(resolveUrl('http://172.18.0.4:30001/vote', page)).toBe('http://172.18.0.4:30001/vote');
    expect(resolveUrl('//172.18.0.3:30000/', page)).toBe('http://172.18.0.3:30000/');
  });

  it('refuses what is not a web URL', () => {
    expect(resolveUrl('javascript:alert(1)', 'http://172.18.0.2:30000/')).toBeNull();
    expect(resolveUrl('mailto:a@b.c', 'http://172.18.0.2:30000/')).toBeNull();
    expect(resolveUrl('http://[bad', 'http://172.18.0.2:30000/')).toBeNull();
  });

  it('puts GET form fields in the query, replacing the old one', () => {
    expect(withQuery('http://172.18.0.2:30000/search?old=1', 'q=redis&n=2')).toBe('http://172.18.0.2:30000/search?q=redis&n=2');
    expect(withQuery('http://172.18.0.2:30000/?a=1', '')).toBe('http://172.18.0.2:30000/');
    expect(hostOf('http://172.18.0.2:30000/')).toBe('172.18.0.2');
  });
});
