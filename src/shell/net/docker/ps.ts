// `docker ps`: the kind node containers, newest first, as Docker 28 lists
// them (IDs cut to 12, the image without its digest, the command quoted and
// cut to 20 characters, CREATED and STATUS from the container's times), or
// with -q, --no-trunc, and simple --format templates.

import type { CommandIO, ExecContext } from '../../types';
import { kindContainers, type KindContainer } from '../lib/docker-host';
import { displayablePorts, ellipsis, humanDuration, tabwrite } from './format';
import { DOCKER_PS_HELP } from './texts';
import { parseFlags, type FlagDef } from './flags';

const FLAGS: FlagDef[] = [
  { long: 'all', short: 'a', kind: 'bool' },
  { long: 'filter', short: 'f', kind: 'value' },
  { long: 'format', kind: 'value' },
  { long: 'last', short: 'n', kind: 'value' },
  { long: 'latest', short: 'l', kind: 'bool' },
  { long: 'no-trunc', kind: 'bool' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'size', short: 's', kind: 'bool' },
  { long: 'help', kind: 'bool' },
];

const USAGE = 'Usage:  docker ps [OPTIONS]';

/** The image as `docker ps` shows it: without the digest unless --no-trunc. */
function imageColumn(ref: string, trunc: boolean): string {
  return trunc ? ref.replace(/@sha256:[0-9a-f]+$/, '') : ref;
}

interface Row {
  ID: string;
  Image: string;
  Command: string;
  CreatedAt: string;
  RunningFor: string;
  Ports: string;
  State: string;
  Status: string;
  Names: string;
  Networks: string;
  Mounts: string;
  Labels: string;
  Size: string;
}

function createdAt(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

function row(c: KindContainer, now: number, trunc: boolean): Row {
  const command = `"${trunc ? ellipsis(c.command, 20) : c.command}"`;
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: imageColumn(c.image, trunc),
    Command: command,
    CreatedAt: createdAt(c.createdMs),
    RunningFor: `${humanDuration(now - c.createdMs)} ago`,
    Ports: displayablePorts(c.ports),
    State: 'running',
    Status: `Up ${humanDuration(now - c.startedMs)}`,
    Names: c.name,
    Networks: 'kind',
    Mounts: '',
    Labels: '',
    Size: '',
  };
}

const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS',
  State: 'STATE', Status: 'STATUS', Names: 'NAMES', Networks: 'NETWORKS', Mounts: 'MOUNTS', Labels: 'LABELS', Size: 'SIZE',
};

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** A Go template of field references and text (what learners pass to --format). */
function render(template: string, r: Row): { text: string } | { error: string } {
  let error: string | undefined;
  const text = template
    .replace(/\\t/g, '\t')
    .replace(/\{\{\s*(json\s+)?\.(\w*)\s*\}\}/g, (_m, json: string | undefined, field: string) => {
      if (field === '' && json) return JSON.stringify(r);
      if (!(field in r)) {
        error ??= `template: :1:${template.indexOf(`.${field}`) + 1}: executing "" at <.${field}>: can't evaluate field ${field} in type *formatter.ContainerContext`;
        return '';
      }
      const v = r[field as keyof Row];
      return json ? JSON.stringify(v) : v;
    });
  return error ? { error } : { text };
}

export function dockerPs(args: string[], io: CommandIO, ctx: ExecContext): number {
  const parsed = parseFlags(args, FLAGS, USAGE, 'docker ps');
  if (!parsed.ok) {
    io.stderr(parsed.stderr);
    return parsed.exit;
  }
  if (parsed.flags.has('help')) {
    io.stdout(DOCKER_PS_HELP);
    return 0;
  }
  if (parsed.positional.length) {
    io.stderr(`docker: 'docker ps' accepts no arguments\n\n${USAGE}\n\nSee 'docker ps --help' for more information\n`);
    return 1;
  }
  const trunc = !parsed.flags.has('no-trunc');
  const now = ctx.sim.now();
  let containers = kindContainers(ctx).sort((a, b) => b.createdMs - a.createdMs);
  if (parsed.flags.has('latest')) containers = containers.slice(0, 1);
  const last = parsed.values.get('last');
  if (last !== undefined && Number(last) >= 0) containers = containers.slice(0, Number(last));
  const rows = containers.map((c) => row(c, now, trunc));
  if (parsed.flags.has('quiet')) {
    io.stdout(rows.map((r) => `${r.ID}\n`).join(''));
    return 0;
  }
  let format = parsed.values.get('format') ?? DEFAULT_TABLE;
  if (format === 'table') format = DEFAULT_TABLE;
  if (format === 'json') format = '{{json .}}';
  const table = format.startsWith('table ');
  const template = table ? format.slice(6) : format;
  const lines: string[][] = [];
  if (table) {
    const header = template.replace(/\\t/g, '\t').replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_m, f: string) => HEADERS[f] ?? f.toUpperCase());
    lines.push(header.split('\t'));
  }
  for (const r of rows) {
    const out = render(template, r);
    if ('error' in out) {
      io.stderr(`${out.error}\n`);
      return 1;
    }
    lines.push(table ? out.text.split('\t') : [out.text]);
  }
  io.stdout(table ? tabwrite(lines) : lines.map((l) => `${l[0]}\n`).join(''));
  return 0;
}
