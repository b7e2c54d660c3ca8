// The `Volumes:` section of describe pod and pod templates (kubectl v1.32 wording).

import { fnv32a } from '../../../../sim/core/ids';
import { formatQuantity, parseQuantity } from '../quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer';

type Volume = { name: string; [k: string]: unknown };

interface Projection {
  secret?: { name?: string; optional?: boolean };
  configMap?: { name?: string; optional?: boolean };
  downwardAPI?: unknown;
  serviceAccountToken?: { expirationSeconds?: number };
}

/**
 * kubectl v1.32 prints a projected source's `optional` with %v on a *bool:
 * `<nil>` when unset, otherwise a heap address. We print a stable stand-in
 * of the same shape, derived from the volume and source position.
 */
function pointerText(optional: boolean | undefined, volume: string, index: number): string {
  if (optional === undefined || optional === null) return '<nil>';
  return `0xc000${(fnv32a(`${volume}/${index}`) & 0xffffff).toString(16).padStart(6, '0')}`;
}

function describeProjected(w: DescribeWriter, name: string, sources: Projection[]): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  sources.forEach((s, i) => {
    if (s.secret) {
      w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${pointerText(s.secret.optional, name, i)}\n`);
    } else if (s.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${pointerText(s.configMap.optional, name, i)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  });
}

function describeSource(w: DescribeWriter, v: Volume): void {
  const src = v as Record<string, Record<string, unknown> | undefined>;
  if (src.hostPath) {
    const h = src.hostPath as { path?: string; type?: string };
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${h.path ?? ''}\n    HostPathType:\t${h.type ?? '<none>'}\n`);
  } else if (src.emptyDir) {
    const e = src.emptyDir as { medium?: string; sizeLimit?: string };
    const size = e.sizeLimit && parseQuantity(e.sizeLimit).nanos > 0n ? formatQuantity(parseQuantity(e.sizeLimit)) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${e.medium ?? ''}\n    SizeLimit:\t${size}\n`);
  } else if (src.secret) {
    const s = src.secret as { secretName?: string; optional?: boolean };
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${!!s.optional}\n`);
  } else if (src.configMap) {
    const c = src.configMap as { name?: string; optional?: boolean };
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${c.name ?? ''}\n    Optional:\t${!!c.optional}\n`);
  } else if (src.persistentVolumeClaim) {
    const p = src.persistentVolumeClaim as { claimName?: string; readOnly?: boolean };
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${p.claimName ?? ''}\n    ReadOnly:\t${!!p.readOnly}\n`,
    );
  } else if (src.downwardAPI) {
    const d = src.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[] };
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of d.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (src.projected) {
    describeProjected(w, v.name, ((src.projected as { sources?: Projection[] }).sources ?? []) as Projection[]);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** `Volumes:<tab><none>` or one block per volume; `space` is '  ' inside pod templates. */
export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeSource(w, v);
  }
}
