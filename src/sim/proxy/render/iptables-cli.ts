// The `iptables` and `iptables-save` commands of a kind node (iptables 1.8.9,
// nf_tables backend) over the simulated tables: option parsing and error texts
// as the real binary has them, listing (-L, -S), zeroing counters (-Z), help and
// version. Commands that change rules are recognised but not carried out: the
// result says so and the shell decides what to print.

import type { NodeCounters } from '../counters';
import type { Chain, NodeTables, Table, TableName } from '../rules/model';
import { Getopt, type LongOption } from './getopt';
import { IPTABLES_HELP } from './iptables-help';
import { iptablesList } from './list';
import { iptablesSave, saveTable, versionTag, type Backend } from './save';
import { iptablesSpec } from './spec';

export interface IptablesHost {
  tables: NodeTables;
  counters: NodeCounters;
  /** virtual time (ms) for iptables-save's header */
  now: number;
  backend?: Backend;
  /** reverse lookups for listings without -n */
  resolve?: (ip: string) => string | undefined;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** set when the command would modify rules (-A, -I, -D, -R, -F, -N, -X, -E, -P, -C) */
  unsupported?: 'modify';
}

const OPTSTRING = '-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x';

const LONG: LongOption[] = [
  { name: 'append', hasArg: 1, val: 'A' },
  { name: 'delete', hasArg: 1, val: 'D' },
  { name: 'check', hasArg: 1, val: 'C' },
  { name: 'insert', hasArg: 1, val: 'I' },
  { name: 'replace', hasArg: 1, val: 'R' },
  { name: 'list', hasArg: 2, val: 'L' },
  { name: 'list-rules', hasArg: 2, val: 'S' },
  { name: 'flush', hasArg: 2, val: 'F' },
  { name: 'zero', hasArg: 2, val: 'Z' },
  { name: 'new-chain', hasArg: 1, val: 'N' },
  { name: 'delete-chain', hasArg: 2, val: 'X' },
  { name: 'rename-chain', hasArg: 1, val: 'E' },
  { name: 'policy', hasArg: 1, val: 'P' },
  { name: 'source', hasArg: 1, val: 's' },
  { name: 'destination', hasArg: 1, val: 'd' },
  { name: 'src', hasArg: 1, val: 's' },
  { name: 'dst', hasArg: 1, val: 'd' },
  { name: 'protocol', hasArg: 1, val: 'p' },
  { name: 'in-interface', hasArg: 1, val: 'i' },
  { name: 'jump', hasArg: 1, val: 'j' },
  { name: 'table', hasArg: 1, val: 't' },
  { name: 'match', hasArg: 1, val: 'm' },
  { name: 'numeric', hasArg: 0, val: 'n' },
  { name: 'out-interface', hasArg: 1, val: 'o' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'wait', hasArg: 2, val: 'w' },
  { name: 'wait-interval', hasArg: 2, val: 'W' },
  { name: 'exact', hasArg: 0, val: 'x' },
  { name: 'fragments', hasArg: 0, val: 'f' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 2, val: 'h' },
  { name: 'line-numbers', hasArg: 0, val: '0' },
  { name: 'modprobe', hasArg: 1, val: 'M' },
  { name: 'set-counters', hasArg: 1, val: 'c' },
  { name: 'goto', hasArg: 1, val: 'g' },
  { name: 'ipv4', hasArg: 0, val: '4' },
  { name: 'ipv6', hasArg: 0, val: '6' },
];

// Command bits and the option legality table of iptables' generic_opt_check().
const CMD = { LIST: 'L', LIST_RULES: 'S', ZERO: 'Z', MODIFY: 'M' } as const;
type Cmd = (typeof CMD)[keyof typeof CMD];
const OPT_FLAGS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'] as const;
type OptFlag = (typeof OPT_FLAGS)[number];
const LEGAL: Record<'L' | 'S' | 'Z', string> = {
  //    n s d p j v x i o 0 c f
  L: ' xxxx  xx xx',
  S: 'xxxxx xxxxxx',
  Z: 'xxxxx xxxxxx',
};
const NON_INVERTIBLE: Record<string, string> = { n: 'n', v: 'v', x: 'x', '0': '0', t: 't' };

const KNOWN_MATCHES = new Set([
  'addrtype', 'comment', 'conntrack', 'mark', 'multiport', 'recent', 'statistic', 'tcp', 'udp', 'sctp', 'icmp',
  'state', 'set', 'physdev', 'limit', 'owner', 'iprange', 'nfacct', 'pkttype', 'mac', 'string', 'length',
]);

const EMPTY_TABLES: Record<string, readonly string[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

class CliError extends Error {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
  ) {
    super(stderr);
  }
}

export function runIptables(args: readonly string[], host: IptablesHost, prog = 'iptables'): CliResult {
  const tag = versionTag(host.backend ?? 'nf_tables');
  const tryHelp = `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  const param = (msg: string): CliError => new CliError(`${prog} ${tag}: ${msg}\n${tryHelp}`, 2);
  try {
    const g = new Getopt(args, OPTSTRING, LONG);
    let command: Cmd[] = [];
    let chain: string | undefined;
    let rulenum: number | undefined;
    let table = 'filter';
    let verbose = 0;
    const options = new Set<OptFlag>();
    let invert = false;

    const addCommand = (cmd: Cmd, allowed: Cmd[]): void => {
      if (invert) throw param(`unexpected ! flag before --${cmdChar(cmd)}`);
      const clash = command.find((c) => !allowed.includes(c));
      if (clash) throw param(`Cannot use -${cmdChar(cmd)} with -${cmdChar(clash)}`);
      command.push(cmd);
    };
    const setOption = (flag: OptFlag, letter = flag): void => {
      if (options.has(flag)) throw param(`multiple -${letter} flags not allowed`);
      if (invert && NON_INVERTIBLE[flag]) throw param(`cannot have ! before -${letter}`);
      options.add(flag);
    };
    const parseRulenum = (text: string): number => {
      if (!/^\d+$/.test(text) || Number(text) < 1) throw param(`Invalid rule number \`${text}'`);
      return Number(text);
    };
    const chainAndRulenum = (optarg: string | undefined): void => {
      if (optarg !== undefined) chain = optarg;
      else if (g.hasArg()) chain = g.take();
      if (g.hasArg()) rulenum = parseRulenum(g.take());
    };

    for (let ev = g.next(); ev; ev = g.next()) {
      switch (ev.code) {
        case 'L':
          addCommand(CMD.LIST, [CMD.ZERO]);
          chainAndRulenum(ev.optarg);
          break;
        case 'S':
          addCommand(CMD.LIST_RULES, [CMD.ZERO]);
          chainAndRulenum(ev.optarg);
          break;
        case 'Z':
          addCommand(CMD.ZERO, [CMD.LIST, CMD.LIST_RULES]);
          if (ev.optarg !== undefined) chain = ev.optarg;
          else if (g.hasArg()) chain = g.take();
          if (g.hasArg()) rulenum = parseRulenum(g.take());
          break;
        case 'A': case 'C': case 'D': case 'I': case 'R': case 'F': case 'N': case 'X': case 'E': case 'P':
          addCommand(CMD.MODIFY, []);
          // Their rule specifications are not parsed: nothing will be changed anyway.
          return { stdout: '', stderr: '', exitCode: 1, unsupported: 'modify' };
        case 'h':
          return { stdout: `${prog} ${tag}\n${IPTABLES_HELP}`, stderr: '', exitCode: 0 };
        case 'V':
          return { stdout: `${prog} ${tag}\n`, stderr: '', exitCode: 0 };
        case 't':
          if (invert) throw param('unexpected ! flag before --table');
          table = ev.optarg!;
          break;
        case 'n':
          setOption('n');
          break;
        case 'v':
          if (!verbose) setOption('v');
          verbose++;
          break;
        case 'x':
          setOption('x');
          break;
        case '0':
          setOption('0');
          break;
        case 'w':
        case 'W': {
          const value = ev.optarg ?? (g.hasArg() ? g.take() : undefined);
          if (value !== undefined && !/^\d+$/.test(value)) {
            throw param(ev.code === 'w' ? 'wait seconds not numeric' : 'wait interval not numeric');
          }
          break;
        }
        case 'M':
        case '4':
          break;
        case '6':
          throw new CliError(tryHelp, 2);
        case 'c':
          setOption('c');
          if (g.hasArg()) g.take();
          break;
        case 'm':
          if (invert) throw param('unexpected ! flag before --match');
          if (!KNOWN_MATCHES.has(ev.optarg!)) {
            throw new CliError(`${prog} ${tag}: Couldn't load match \`${ev.optarg}':No such file or directory\n\n${tryHelp}`, 2);
          }
          break;
        case 's': case 'd': case 'p': case 'j': case 'i': case 'o': case 'f': case 'g':
          setOption(ev.code === 'g' ? 'j' : (ev.code as OptFlag));
          invert = false;
          break;
        case '1':
          if (ev.optarg === '!') {
            if (invert) throw param('multiple consecutive ! not allowed');
            invert = true;
            continue;
          }
          throw new CliError(`Bad argument \`${ev.optarg}'\n${tryHelp}`, 2);
        case ':':
          throw param(`option "${ev.arg}" requires an argument`);
        default:
          throw param(`unknown option "${ev.arg}"`);
      }
      invert = false;
    }
    if (g.index < args.length) throw param('unknown arguments found on commandline');
    if (command.length === 0) throw param('no command specified');
    if (invert) throw param('nothing appropriate following !');

    for (let i = 0; i < OPT_FLAGS.length; i++) {
      const flag = OPT_FLAGS[i];
      if (!options.has(flag)) continue;
      const legal = command.some((c) => c !== CMD.MODIFY && LEGAL[c][i] !== 'x');
      if (!legal) throw param(`Illegal option \`-${flag}' with this command`);
    }

    const t = lookupTable(host.tables, table);
    if (!t) {
      throw new CliError(
        `${prog} ${tag}: table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
        3,
      );
    }
    let stdout = '';
    const listing = command.includes(CMD.LIST) || command.includes(CMD.LIST_RULES);
    if (listing && chain !== undefined && !t.chain(chain)) {
      throw new CliError(`${prog} ${tag}: chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`, 1);
    }
    if (command.includes(CMD.LIST)) {
      stdout += iptablesList(t, host.counters, {
        numeric: options.has('n'),
        verbose: verbose > 0,
        exact: options.has('x'),
        lineNumbers: options.has('0'),
        chain,
        rulenum,
        resolve: host.resolve,
      });
    } else if (command.includes(CMD.LIST_RULES)) {
      stdout += iptablesSpec(t, host.counters, { chain, rulenum, verbose: verbose > 0 });
    }
    if (command.includes(CMD.ZERO)) {
      const zeroChain = chain;
      if (zeroChain !== undefined && !t.chain(zeroChain)) {
        const msg = rulenum !== undefined && !listing ? 'Incompatible with this kernel' : 'No chain/target/match by that name';
        throw new CliError(`${prog}: ${msg}.\n`, 1);
      }
      const chains: Chain[] = (zeroChain !== undefined ? [zeroChain] : t.chainNames()).map((n) => t.chain(n)!);
      if (isNodeTable(host.tables, t)) {
        if (rulenum !== undefined && !listing) {
          const c = chains[0];
          if (c.rules[rulenum - 1]) host.counters.setRule(t.name, c, rulenum - 1, { packets: 0, bytes: 0 });
        } else {
          host.counters.zero(t.name, chains);
        }
      }
      if (verbose > 0 && !(rulenum !== undefined && !listing)) {
        for (const c of chains) stdout += `Zeroing chain \`${c.name}'\n`;
      }
    }
    return { stdout, stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof CliError) return { stdout: '', stderr: e.stderr, exitCode: e.exitCode };
    throw e;
  }
}

function cmdChar(c: Cmd): string {
  return c === CMD.MODIFY ? 'A' : c;
}

function isNodeTable(tables: NodeTables, t: Table): boolean {
  return t === tables.filter || t === tables.nat || t === tables.mangle;
}

const emptyTableCache = new Map<string, Table>();

function lookupTable(tables: NodeTables, name: string): Table | undefined {
  if (name === 'filter' || name === 'nat' || name === 'mangle') return tables[name];
  const builtins = EMPTY_TABLES[name];
  if (!builtins) return undefined;
  let t = emptyTableCache.get(name);
  if (!t) {
    const chains = builtins.map((n): Chain => ({ name: n, policy: 'ACCEPT', rules: [] }));
    t = {
      name: name as TableName,
      chainNames: () => builtins,
      chain: (n: string) => chains.find((c) => c.name === n),
      references: () => 0,
    };
    emptyTableCache.set(name, t);
  }
  return t;
}

const SAVE_LONG: LongOption[] = [
  { name: 'counters', hasArg: 0, val: 'c' },
  { name: 'dump', hasArg: 0, val: 'd' },
  { name: 'table', hasArg: 1, val: 't' },
  { name: 'modprobe', hasArg: 1, val: 'M' },
  { name: 'file', hasArg: 1, val: 'f' },
  { name: 'version', hasArg: 0, val: 'V' },
];

/** `iptables-save [-c] [-t table]` (getopt prints its own errors here). */
export function runIptablesSave(args: readonly string[], host: IptablesHost, prog = 'iptables-save'): CliResult {
  const tag = versionTag(host.backend ?? 'nf_tables');
  const manual = "Look at manual page `iptables-save.8' for more information.\n";
  const g = new Getopt(args, 'bcdt:M:f:V', SAVE_LONG);
  let counters = false;
  let table: string | undefined;
  const rest: string[] = [];
  for (let ev = g.next(); ev; ev = g.next()) {
    switch (ev.code) {
      case 'c':
        counters = true;
        break;
      case 't':
        table = ev.optarg;
        break;
      case 'V':
        return { stdout: `${prog} ${tag}\n`, stderr: '', exitCode: 0 };
      case 'b': case 'd': case 'M': case 'f':
        break;
      case '1':
        rest.push(ev.optarg!);
        break;
      case ':':
        return { stdout: '', stderr: `${prog}: option requires an argument -- '${ev.arg.slice(-1)}'\n${manual}`, exitCode: 1 };
      default:
        return {
          stdout: '',
          stderr: ev.arg.startsWith('--')
            ? `${prog}: unrecognized option '${ev.arg}'\n${manual}`
            : `${prog}: invalid option -- '${invalidLetter(ev.arg)}'\n${manual}`,
          exitCode: 1,
        };
    }
  }
  if (rest.length || g.index < args.length) {
    return { stdout: '', stderr: 'Unknown arguments found on commandline\n', exitCode: 1 };
  }
  const opts = { counters, now: host.now, backend: host.backend };
  if (table === undefined) return { stdout: iptablesSave(host.tables, host.counters, opts), stderr: '', exitCode: 0 };
  const t = lookupTable(host.tables, table);
  if (!t) return { stdout: '', stderr: `Table \`${table}' does not exist\n`, exitCode: 1 };
  return { stdout: saveTable(t, host.counters, opts), stderr: '', exitCode: 0 };
}

function invalidLetter(cluster: string): string {
  const known = 'bcdt:M:f:V';
  for (const ch of cluster.slice(1)) if (!known.includes(ch)) return ch;
  return cluster.slice(-1);
}
