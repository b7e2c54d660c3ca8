// The packets the cluster saw, newest first, and the hops of one of them: node
// by node, the iptables rules it met (as `iptables -S` prints them), the NAT
// rewrites before ⇒ after, the weave crossing and where it ended. The same
// facts `curl -v` and `iptables -t nat -nvL` would give, in order.

import { memo, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { usePrefs, useServices } from '../hooks';
import type { TraceRecord } from '../../worker/protocol';
import { connectionOf, describeOutcome, type HopRow, hopRows, shortOutcome } from './hop-rows';

const isDns = (r: TraceRecord) => r.trace.input.dst.port === 53;

function Row({ row }: { row: HopRow }) {
  switch (row.kind) {
    case 'section':
      return (
        <li className="hop-section">
          {row.node}
          <span className="hop-dir">{row.dir}</span>
        </li>
      );
    case 'hook':
      return <li className="hop-hook">{row.text}</li>;
    case 'note':
      return (
        <li className="hop-note">
          {row.text}
          {row.packet && <code className="hop-packet">{row.packet}</code>}
        </li>
      );
    case 'rule':
      return (
        <li className={`hop-rule action-${row.action}`} data-chain={row.chain}>
          <code>{row.spec}</code>
        </li>
      );
    case 'rewrite':
      return (
        <li className="hop-rewrite" data-rewrite={row.what}>
          <span className="hop-what">{row.what}</span>
          <code>{row.before}</code> ⇒ <code>{row.after}</code>
        </li>
      );
    case 'wire':
      return (
        <li className="hop-wire">
          ⇣ {row.text}
          <code className="hop-packet">{row.packet}</code>
        </li>
      );
    case 'end':
      return <li className={`hop-end ${row.ok ? 'status-ok' : 'status-err'}`}>{row.text}</li>;
  }
}

const Details = memo(function Details({ record, withReply }: { record: TraceRecord; withReply: boolean }) {
  const rows = useMemo(() => hopRows(record.trace, withReply), [record, withReply]);
  const outcome = describeOutcome(record.trace.outcome);
  return (
    <div className="hop-details" data-trace={record.id}>
      <div className="hop-title">
        <code>{connectionOf(record)}</code>
        <div className="hop-cause">{record.cause || 'traffic inside the cluster'}</div>
        <div className={outcome.ok ? 'status-ok' : 'status-err'}>{outcome.text}</div>
      </div>
      <ol className="hop-rows">
        {rows.map((r, i) => (
          <Row key={i} row={r} />
        ))}
      </ol>
    </div>
  );
});

export function HopPanel({ onReplay }: { onReplay: (r: TraceRecord) => void }) {
  const services = useServices();
  const records = useStore(services.traces, (s) => s.records);
  const selected = useStore(services.traces, (s) => s.selected);
  const showDns = usePrefs((s) => s.showDns);
  const setShowDns = usePrefs((s) => s.setShowDns);
  const [withReply, setWithReply] = useState(false);
  const shown = useMemo(() => records.filter((r) => showDns || !isDns(r)).reverse(), [records, showDns]);
  const current = shown.find((r) => r.id === selected) ?? shown[0] ?? null;
  /** Pick a packet to read; picking it again goes back to following the newest. */
  const pick = (id: number) => services.traces.setState({ selected: id === selected ? null : id });
  return (
    <aside className="hop-panel" aria-label="Packets" data-testid="hop-panel">
      <div className="hop-toolbar">
        <label>
          <input type="checkbox" checked={showDns} onChange={(e) => setShowDns(e.target.checked)} /> DNS
        </label>
        <label>
          <input type="checkbox" checked={withReply} onChange={(e) => setWithReply(e.target.checked)} /> reply
        </label>
        <span className="spacer" />
        {current && (
          <button type="button" className="btn btn-small" onClick={() => onReplay(current)} title="Animate this packet again">
            Replay
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="hop-empty">No packets yet. Try curl http://172.18.0.3:30000/ in the terminal, or the Browser tab.</p>
      ) : (
        <>
          <ul className="hop-list" role="listbox" aria-label="Recent packets">
            {shown.map((r) => (
              <li
                key={r.id}
                role="option"
                tabIndex={0}
                aria-selected={r.id === current?.id}
                className="hop-item"
                onClick={() => pick(r.id)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  pick(r.id);
                }}
                data-trace-item={r.id}
              >
                <code>{connectionOf(r)}</code>
                <span className={`hop-badge ${r.trace.outcome.kind === 'delivered' ? 'status-ok' : 'status-err'}`}>{shortOutcome(r.trace.outcome)}</span>
                <span className="hop-cause">{r.cause}</span>
              </li>
            ))}
          </ul>
          {current && <Details record={current} withReply={withReply} />}
        </>
      )}
    </aside>
  );
}
