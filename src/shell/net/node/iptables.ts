// `iptables`, `iptables-save` and their `-legacy` twins on a kind node
// (iptables 1.8.9, nf_tables backend). The nf_tables ones show kube-proxy's
// tables with the node's live counters; the legacy ones see the legacy
// tables, which hold nothing on an nf_tables node. Commands that would change
// rules are recognised but not carried out (kube-proxy owns these tables here).

import type { Command, CommandIO, ExecContext } from '../../types';
import { runIptables, runIptablesSave, defaultResolver, type IptablesHost, type NodeCounters, type NodeTables } from '../../../sim/proxy';
import { BUILTIN_CHAINS, type TableName } from '../../../sim/proxy/rules/model';
import { staticTable } from '../../../sim/proxy/table';
import { ClusterCounters } from '../../../sim/proxy/counters';
import { nodeOf } from '../lib/where';
import { parseHostsFile } from '../lib/resolve';

const NOT_MODELLED =
  ': changing rules is not simulated in this playground: kube-proxy writes these tables, and it rewrites them on every sync anyway\n';

function emptyTables(): NodeTables {
  const t = (name: TableName) => staticTable(name, BUILTIN_CHAINS[name].map((n) => ({ name: n, policy: 'ACCEPT' as const, rules: [] })));
  return { filter: t('filter'), nat: t('nat'), mangle: t('mangle') };
}

const LEGACY_TABLES = emptyTables();
const LEGACY_COUNTERS: NodeCounters = new ClusterCounters().node('legacy');

/**
 * Legacy tables exist in a node's kernel only once something touched them
 * (an `iptables-legacy` listing, or `iptables-legacy-save -t`), and
 * iptables-legacy-save without -t dumps the ones that exist.
 */
const touched = new WeakMap<object, Map<string, Set<string>>>();

function legacyTablesOf(ctx: ExecContext, node: string): Set<string> {
  let perSim = touched.get(ctx.sim);
  if (!perSim) touched.set(ctx.sim, (perSim = new Map()));
  let set = perSim.get(node);
  if (!set) perSim.set(node, (set = new Set()));
  return set;
}

/** The table an iptables command line names (-t X, --table X, -tX), filter by default. */
function tableArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') return args[i + 1];
    if (a.startsWith('--table=')) return a.slice(8);
    if (/^-[^-]*t/.test(a)) {
      const rest = a.slice(a.indexOf('t') + 1);
      return rest || args[i + 1];
    }
  }
  return undefined;
}

function hostFor(ctx: ExecContext, legacy: boolean): IptablesHost | undefined {
  const node = nodeOf(ctx);
  if (!node) return undefined;
  const kp = ctx.sim.runtime.kubeProxy;
  const hosts: Record<string, string> = {};
  for (const e of parseHostsFile(ctx.fs.read('/etc/hosts') ?? '')) if (!(e.ip in hosts)) hosts[e.ip] = e.names[0];
  return {
    tables: legacy ? LEGACY_TABLES : kp.tables(node),
    counters: legacy ? LEGACY_COUNTERS : kp.nodeCounters(node),
    now: ctx.sim.now(),
    backend: legacy ? 'legacy' : 'nf_tables',
    resolve: defaultResolver(hosts),
  };
}

function print(io: CommandIO, r: { stdout: string; stderr: string; exitCode: number }): number {
  if (r.stdout) io.stdout(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  return r.exitCode;
}

function iptablesCommand(legacy: boolean): Command {
  return (argv, io, ctx) => {
    const prog = argv[0].split('/').pop()!;
    const host = hostFor(ctx, legacy);
    if (!host) return 127;
    const r = runIptables(argv.slice(1), host, prog);
    if (legacy && r.exitCode === 0) legacyTablesOf(ctx, nodeOf(ctx)!).add(tableArg(argv.slice(1)) ?? 'filter');
    if (r.unsupported === 'modify') {
      io.stderr(prog + NOT_MODELLED);
      return 1;
    }
    return print(io, r);
  };
}

function saveCommand(legacy: boolean): Command {
  return (argv, io, ctx) => {
    const prog = argv[0].split('/').pop()!;
    const host = hostFor(ctx, legacy);
    if (!host) return 127;
    const args = argv.slice(1);
    if (!legacy) return print(io, runIptablesSave(args, host, prog));
    const tables = legacyTablesOf(ctx, nodeOf(ctx)!);
    const named = tableArg(args);
    if (named !== undefined) {
      const r = runIptablesSave(args, host, prog);
      if (r.exitCode === 0) tables.add(named);
      return print(io, r);
    }
    // On an nf_tables node only the legacy tables something touched exist; the
    // kernel lists the most recently registered first.
    const check = runIptablesSave(args, host, prog);
    if (check.exitCode !== 0) return print(io, check);
    for (const t of [...tables].reverse()) io.stdout(runIptablesSave([...args, '-t', t], host, prog).stdout);
    return 0;
  };
}

export const iptables = iptablesCommand(false);
export const iptablesLegacy = iptablesCommand(true);
export const iptablesSave = saveCommand(false);
export const iptablesLegacySave = saveCommand(true);
