// One answer record as nslookup prints it. busybox (1.30+) and BIND share the
// layout; BIND keeps the final dot on target names (`canonical name =
// db.example.com.`), busybox drops it. Owner names never have the dot.

import type { ResourceRecord } from './types';
import { relative } from './names';

export function formatAnswerRecord(rr: ResourceRecord, style: 'busybox' | 'bind'): string {
  const owner = relative(rr.name);
  const target = (n: string) => (style === 'bind' ? n : relative(n));
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${target(rr.data)}\n`;
    case 'PTR':
      return `${owner}\tname = ${target(rr.data)}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${target(rr.data)}\n`;
    case 'MX':
      return `${owner}\tmail exchanger = ${rr.data.preference} ${target(rr.data.exchange)}\n`;
    case 'TXT':
      return `${owner}\ttext = "${rr.data}"\n`;
    case 'SRV':
      return `${owner}\tservice = ${rr.data.priority} ${rr.data.weight} ${rr.data.port} ${target(rr.data.target)}\n`;
    case 'SOA':
      return (
        `${owner}\n\torigin = ${target(rr.data.mname)}\n\tmail addr = ${target(rr.data.rname)}\n` +
        `\tserial = ${rr.data.serial}\n\trefresh = ${rr.data.refresh}\n\tretry = ${rr.data.retry}\n` +
        `\texpire = ${rr.data.expire}\n\tminimum = ${rr.data.minimum}\n`
      );
  }
}
