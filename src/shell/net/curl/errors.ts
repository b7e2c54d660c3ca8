// curl's exit codes and the messages 7.88.1 prints with them (`curl: (N) ...`).

export const CURLE = {
  UNSUPPORTED_PROTOCOL: 1,
  URL_MALFORMAT: 3,
  COULDNT_RESOLVE_HOST: 6,
  COULDNT_CONNECT: 7,
  PARTIAL_FILE: 18,
  HTTP_RETURNED_ERROR: 22,
  WRITE_ERROR: 23,
  OPERATION_TIMEDOUT: 28,
  SSL_CONNECT_ERROR: 35,
  TOO_MANY_REDIRECTS: 47,
  GOT_NOTHING: 52,
  RECV_ERROR: 56,
  PEER_FAILED_VERIFICATION: 60,
} as const;

export const URL_MALFORMAT_TEXT = 'URL using bad/illegal format or missing URL';
export const COULDNT_CONNECT_TEXT = "Couldn't connect to server";
export const TIMEOUT_TEXT = 'Timeout was reached';

/** errno texts (glibc) for the connect failures the network produces. */
export const ERRNO_TEXT = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
} as const;

export class CurlFailure {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}
