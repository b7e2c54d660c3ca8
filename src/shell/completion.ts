// Tab completion: command names, kubectl's subcommands and flags, resource
// types and the names of objects, and file names.

import type { Simulation } from '../sim/simulation';
import type { Location } from './types';
import type { Completion } from '../worker/protocol';
import { RESOURCES, resolveResource } from '../sim/api/kinds';
import { commandsFor } from './locations';

const KUBECTL_SUBCOMMANDS = ['api-resources', 'apply', 'cluster-info', 'config', 'create', 'delete', 'describe', 'exec', 'explain', 'expose', 'get', 'label', 'logs', 'run', 'scale', 'version'];
const RESOURCE_WORDS = [...new Set(RESOURCES.flatMap((r) => [r.plural, ...r.shortNames]).concat(['all']))].sort();
const CREATE_WORDS = ['deployment', 'namespace', 'service'];
const SERVICE_TYPES = ['clusterip', 'externalname', 'loadbalancer', 'nodeport'];
const NAME_VERBS = new Set(['get', 'describe', 'delete', 'label', 'scale', 'expose', 'edit', 'logs', 'exec']);

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The namespace a half-typed kubectl line talks to (`-n x` / `--namespace=x`). */
function namespaceOf(words: string[], sim: Simulation): string {
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === '-n' || words[i] === '--namespace') && words[i + 1]) return words[i + 1];
    if (words[i].startsWith('--namespace=')) return words[i].slice(12);
  }
  return sim.currentNamespace;
}

function candidates(words: string[], current: string, location: Location, sim: Simulation, env: Map<string, string>): string[] {
  if (words.length === 0) return Object.keys(commandsFor(location, sim)).sort();
  const positional = words.filter((w) => !w.startsWith('-'));
  if (words[0] === 'kubectl') {
    if (positional.length === 1) return KUBECTL_SUBCOMMANDS;
    const verb = positional[1];
    const prev = words[words.length - 1];
    if (prev === '-n' || prev === '--namespace') return sim.store.list('Namespace').map((n) => n.metadata.name!);
    if (prev === '-f' || prev === '--filename') return files(sim, env, current);
    if (verb === 'create' && positional.length === 2) return CREATE_WORDS;
    if (verb === 'create' && positional[2] === 'service' && positional.length === 3) return SERVICE_TYPES;
    if (NAME_VERBS.has(verb)) {
      if (verb === 'logs' || verb === 'exec') {
        if (positional.length === 2) return sim.store.list('Pod', { namespace: namespaceOf(words, sim) }).map((p) => p.metadata.name!);
        return [];
      }
      if (positional.length === 2) {
        if (current.includes('/')) {
          const [t] = current.split('/');
          const r = resolveResource(t);
          if (!r) return [];
          return objectNames(sim, r.kind, r.namespaced ? namespaceOf(words, sim) : undefined).map((n) => `${t}/${n}`);
        }
        return RESOURCE_WORDS;
      }
      const r = resolveResource(positional[2].split(',')[0]);
      if (r && !positional[2].includes(',')) return objectNames(sim, r.kind, r.namespaced ? namespaceOf(words, sim) : undefined);
    }
    return [];
  }
  if (words[0] === 'docker' && words.length >= 2) return sim.store.list('Node').map((n) => n.metadata.name!);
  return files(sim, env, current);
}

function objectNames(sim: Simulation, kind: string, ns: string | undefined): string[] {
  return sim.store.list(kind, { namespace: ns }).map((o) => o.metadata.name!);
}

function files(sim: Simulation, env: Map<string, string>, current: string): string[] {
  const fs = sim.fs.withCwd(env.get('PWD') ?? '/root');
  const slash = current.lastIndexOf('/');
  const dir = slash >= 0 ? current.slice(0, slash + 1) : '';
  const abs = fs.resolve(dir || '.');
  if (!fs.isDir(abs)) return [];
  return fs.list(abs).map((n) => dir + n + (fs.isDir(`${abs}/${n}`) ? '/' : ''));
}

/** Complete the last word of `line`. */
export function complete(line: string, location: Location, sim: Simulation, env: Map<string, string>, _history: string[]): Completion {
  const endsWithSpace = /\s$/.test(line);
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const all = candidates(words, current, location, sim, env);
  const matches = [...new Set(all.filter((c) => c.startsWith(current)))];
  if (matches.length === 0) return { line, candidates: [] };
  const head = line.slice(0, line.length - current.length);
  if (matches.length === 1) {
    const m = matches[0];
    return { line: head + m + (m.endsWith('/') ? '' : ' '), candidates: [] };
  }
  const prefix = commonPrefix(matches);
  if (prefix.length > current.length) return { line: head + prefix, candidates: [] };
  return { line, candidates: matches };
}
