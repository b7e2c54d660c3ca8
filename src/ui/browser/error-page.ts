// The browser's own error page, in the words a learner knows from Chrome, with
// the net error code, and a hint at what in the cluster makes it happen.

import type { BrowserResult } from '../../shell/net/browser';
import { hostOf } from './url';

export type BrowserErrorCode = Extract<BrowserResult, { kind: 'error' }>['code'];

export interface ErrorPage {
  title: string;
  detail: string;
  code: BrowserErrorCode;
  hint: string;
}

export function describeError(code: BrowserErrorCode, url: string): ErrorPage {
  const host = hostOf(url);
  switch (code) {
    case 'ERR_CONNECTION_REFUSED':
      return {
        code,
        title: 'This site can’t be reached',
        detail: `${host} refused to connect.`,
        hint: 'Something answered “no”: nothing listens on that port, or kube-proxy rejects it because the Service has no ready endpoints. Try kubectl get endpointslices, and check the nodePort.',
      };
    case 'ERR_NAME_NOT_RESOLVED':
      return {
        code,
        title: 'This site can’t be reached',
        detail: `${host}’s server IP address could not be found.`,
        hint: 'Your host does not use the cluster’s DNS: Service names only resolve inside pods. Use a node IP and the nodePort.',
      };
    case 'ERR_CONNECTION_TIMED_OUT':
      return {
        code,
        title: 'This site can’t be reached',
        detail: `${host} took too long to respond.`,
        hint: 'The packets went unanswered: a rule dropped them, or nothing on the way knows where to send them.',
      };
    case 'ERR_ADDRESS_UNREACHABLE':
      return {
        code,
        title: 'This site can’t be reached',
        detail: `${host} is unreachable.`,
        hint: 'Your host has no route to that address. Node IPs (kubectl get nodes -o wide) are reachable; cluster IPs and pod IPs are not.',
      };
    case 'ERR_EMPTY_RESPONSE':
      return {
        code,
        title: 'This page isn’t working',
        detail: `${host} didn’t send any data.`,
        hint: 'The connection was accepted, but the server closed it without an HTTP answer (not an HTTP server on that port?).',
      };
    case 'ERR_INVALID_URL':
      return {
        code,
        title: 'This site can’t be reached',
        detail: `The address ${url} is not a web address the browser can open.`,
        hint: 'Type an address such as http://172.18.0.2:30000/',
      };
  }
}
