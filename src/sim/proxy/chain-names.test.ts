import { describe, expect, it } from 'vitest';
import { endpointChainName, endpointString, hashSuffix, serviceChainNames, servicePortName } from './chain-names';
import { base32 } from './hash/base32';
import { sha256, sha256Hex } from './hash/sha256';

describe('kube-proxy chain names (reference section 2 worked example)', () => {
  it('hashes the current spelling step by step', () => {
    const text = 'instavote/votetcp';
    const digest = sha256(new TextEncoder().encode(text));
    expect(sha256Hex(new TextEncoder().encode(text))).toBe('07c449c3df739e4307ce40df9778e5f66be5c5de4f760a7ece93207c47484507');
    expect(base32(digest)).toBe('A7CETQ67OOPEGB6OIDPZO6HF6ZV6LRO6J53AU7WOSMQHYR2IIUDQ====');
    expect(serviceChainNames(servicePortName('instavote', 'vote', undefined), 'tcp')).toEqual({
      svc: 'KUBE-SVC-A7CETQ67OOPEGB6O',
      svl: 'KUBE-SVL-A7CETQ67OOPEGB6O',
      ext: 'KUBE-EXT-A7CETQ67OOPEGB6O',
      fw: 'KUBE-FW-A7CETQ67OOPEGB6O',
    });
    expect(endpointChainName('instavote/vote', 'tcp', '10.32.0.6:80')).toBe('KUBE-SEP-CIC64UY47YDT5LAM');
  });

  it('reproduces the old (v1.18 and earlier) names of the lab guide', () => {
    expect(sha256Hex(new TextEncoder().encode('instavote/vote:tcp'))).toBe('aa207054e357204fb41c953cf89fe412abf4a3924ef4d76b78c012461ae5cec0');
    expect(`KUBE-SVC-${hashSuffix('instavote/vote:tcp')}`).toBe('KUBE-SVC-VIQHAVHDK4QE7NA4');
    expect(`KUBE-SEP-${hashSuffix('instavote/vote:tcp10.32.0.6:80')}`).toBe('KUBE-SEP-BAI3HQ7SV7RZ2CI6');
  });

  it('names ports and brackets IPv6 endpoints', () => {
    expect(servicePortName('instavote', 'api', 'http')).toBe('instavote/api:http');
    expect(serviceChainNames('instavote/api:http', 'tcp').svc).toBe('KUBE-SVC-MOBZJLJ4Y6TJJB3R');
    expect(endpointString('fd00::1', 80)).toBe('[fd00::1]:80');
    expect(endpointString('10.32.0.6', 80)).toBe('10.32.0.6:80');
  });
});
