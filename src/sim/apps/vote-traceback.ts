// The traceback Flask logs when the vote app's POST fails to reach Redis
// (Python 3.11, Flask 2.2, redis-py 4.5 on musl). redis-py re-raises the socket
// error as its own, so Python prints the chained pair. The last line is exact:
//   redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.
//   redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.
//   redis.exceptions.TimeoutError: Timeout connecting to server
// The frames in between are a faithful shape, not a capture: library line
// numbers are approximate.

export type RedisFailure =
  | { kind: 'dns'; errno: number; message: string }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

type Frame = [file: string, line: number, fn: string, code: string, caret?: string];

const SITE = '/usr/local/lib/python3.11/site-packages';

function frames(list: Frame[]): string[] {
  const out: string[] = [];
  for (const [file, line, fn, code, caret] of list) {
    out.push(`  File "${file}", line ${line}, in ${fn}`);
    out.push(`    ${code}`);
    if (caret) out.push(`    ${caret}`);
  }
  return out;
}

const CONNECT_HEAD: Frame[] = [
  [`${SITE}/redis/connection.py`, 611, 'connect', 'sock = self.retry.call_with_retry(', '       ^^^^^^^^^^^^^^^^^^^^^^^^^^^'],
  [`${SITE}/redis/retry.py`, 46, 'call_with_retry', 'return do()', '       ^^^^'],
  [`${SITE}/redis/connection.py`, 612, '<lambda>', 'lambda: self._connect(), lambda error: self.disconnect(error)', '        ^^^^^^^^^^^^^^^'],
];

const OUTER: Frame[] = [
  [`${SITE}/flask/app.py`, 2525, 'wsgi_app', 'response = self.full_dispatch_request()', '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^'],
  [`${SITE}/flask/app.py`, 1822, 'full_dispatch_request', 'rv = self.handle_user_exception(e)', '     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^'],
  [`${SITE}/flask/app.py`, 1820, 'full_dispatch_request', 'rv = self.dispatch_request()', '     ^^^^^^^^^^^^^^^^^^^^^^^'],
  [
    `${SITE}/flask/app.py`,
    1796,
    'dispatch_request',
    'return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)',
    '       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  ],
  ['/app/app.py', 34, 'hello', "redis.rpush('votes', data)"],
  [`${SITE}/redis/commands/core.py`, 2695, 'rpush', 'return self.execute_command("RPUSH", name, *values)', '       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^'],
  [
    `${SITE}/redis/client.py`,
    1255,
    'execute_command',
    'conn = self.connection or pool.get_connection(command_name, **options)',
    '                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  ],
  [`${SITE}/redis/connection.py`, 1442, 'get_connection', 'connection.connect()'],
];

/** The log lines, first the Flask header line. `when` is the Python logging timestamp. */
export function redisTraceback(when: string, host: string, port: number, failure: RedisFailure): string[] {
  const inner: Frame[] = [...CONNECT_HEAD];
  let innerError: string;
  let outerRaise: Frame;
  let last: string;
  switch (failure.kind) {
    case 'dns':
      inner.push([`${SITE}/redis/connection.py`, 644, '_connect', 'for res in socket.getaddrinfo(', '           ^^^^^^^^^^^^^^^^^^^']);
      inner.push([
        '/usr/local/lib/python3.11/socket.py',
        962,
        'getaddrinfo',
        'for res in _socket.getaddrinfo(host, port, family, type, proto, flags):',
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      ]);
      innerError = `socket.gaierror: [Errno ${failure.errno}] ${failure.message}`;
      outerRaise = [`${SITE}/redis/connection.py`, 617, 'connect', 'raise ConnectionError(self._error_message(e))'];
      last = `redis.exceptions.ConnectionError: Error ${failure.errno} connecting to ${host}:${port}. ${failure.message}.`;
      break;
    case 'refused':
    case 'unreachable': {
      const [errno, text, cls] = failure.kind === 'refused' ? [111, 'Connection refused', 'ConnectionRefusedError'] : [113, 'Host is unreachable', 'OSError'];
      inner.push([`${SITE}/redis/connection.py`, 677, '_connect', 'raise err']);
      inner.push([`${SITE}/redis/connection.py`, 665, '_connect', 'sock.connect(socket_address)']);
      innerError = `${cls}: [Errno ${errno}] ${text}`;
      outerRaise = [`${SITE}/redis/connection.py`, 617, 'connect', 'raise ConnectionError(self._error_message(e))'];
      last = `redis.exceptions.ConnectionError: Error ${errno} connecting to ${host}:${port}. ${text}.`;
      break;
    }
    case 'timeout':
      inner.push([`${SITE}/redis/connection.py`, 677, '_connect', 'raise err']);
      inner.push([`${SITE}/redis/connection.py`, 665, '_connect', 'sock.connect(socket_address)']);
      innerError = 'TimeoutError: timed out';
      outerRaise = [`${SITE}/redis/connection.py`, 615, 'connect', 'raise TimeoutError("Timeout connecting to server")'];
      last = 'redis.exceptions.TimeoutError: Timeout connecting to server';
      break;
  }
  return [
    `[${when}] ERROR in app: Exception on / [POST]`,
    'Traceback (most recent call last):',
    ...frames(inner),
    innerError,
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    ...frames([...OUTER, outerRaise]),
    last,
  ];
}
