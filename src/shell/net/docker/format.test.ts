import { describe, expect, it } from 'vitest';
import { displayablePorts, ellipsis, humanDuration, tabwrite } from './format';

describe('docker formatting', () => {
  it('says how long ago as go-units does', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1_000)).toBe('1 second');
    expect(humanDuration(59_999)).toBe('59 seconds');
    expect(humanDuration(60_000)).toBe('About a minute');
    expect(humanDuration(10 * 60_000 + 5_000)).toBe('10 minutes');
    expect(humanDuration(90 * 60_000)).toBe('2 hours');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
  });

  it('folds consecutive ports into ranges and lists remapped ports last', () => {
    const p = (hostPort: number, containerPort: number, listen = '0.0.0.0') => ({ listen, hostPort, containerPort, protocol: 'tcp' as const });
    expect(displayablePorts([p(8001, 8080), p(80, 80), p(30056, 30056), p(30055, 30055), p(40457, 6443, '127.0.0.1')])).toBe(
      '0.0.0.0:80->80/tcp, 0.0.0.0:30055-30056->30055-30056/tcp, 127.0.0.1:40457->6443/tcp, 0.0.0.0:8001->8080/tcp',
    );
  });

  it('cuts with an ellipsis and aligns columns with padding 3', () => {
    expect(ellipsis('/usr/local/bin/entrypoint /sbin/init', 20)).toBe('/usr/local/bin/entr…');
    expect(tabwrite([['A', 'BB', 'C'], ['aaaaaaaaaaaa', 'b', 'c']])).toBe(`A${' '.repeat(14)}BB${' '.repeat(8)}C\naaaaaaaaaaaa   b${' '.repeat(9)}c\n`);
  });
});
