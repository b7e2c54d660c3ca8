// The ConfigMaps a kind v1.32 cluster has once `kind create cluster` is done
// (besides each namespace's kube-root-ca.crt, which the root-CA publisher
// writes): what kubeadm uploads (kubeadm-config, kubelet-config, coredns,
// kube-proxy, cluster-info), what the apiserver publishes
// (extension-apiserver-authentication, the legacy token tracking date) and
// kind's local-path-provisioner config.

import type { ConfigMap } from '../api/types';
import type { ClusterConfig } from './config';
import type { Rng } from '../core/rng';
import { ascii, base64, randomBytes, selfSignedCaPem } from '../core/certs';

/** kubeadm v1.32's Corefile (CoreDNS 1.11.3). The cache plugin's `disable` block came with kubeadm v1.33. */
export function corefile(clusterDomain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;
}

/** kind's control-plane endpoint: the first control-plane node's name. */
function controlPlaneEndpoint(cfg: ClusterConfig): string {
  return `${cfg.nodes[0].name}:6443`;
}

/** kube-proxy's KubeProxyConfiguration as kubeadm marshals it (kind sets iptables mode, minSyncPeriod 1s, maxPerCore 0). */
function kubeProxyConfig(cfg: ClusterConfig): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${cfg.podCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: 0
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 1s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: iptables
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

function kubeProxyKubeconfig(cfg: ClusterConfig): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://${controlPlaneEndpoint(cfg)}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

function clusterConfiguration(cfg: ClusterConfig): string {
  return `apiServer:
  certSANs:
  - localhost
  - 127.0.0.1
  extraArgs:
  - name: runtime-config
    value: ""
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: ${cfg.name}
controlPlaneEndpoint: ${controlPlaneEndpoint(cfg)}
controllerManager:
  extraArgs:
  - name: enable-hostpath-provisioner
    value: "true"
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${cfg.kubernetesVersion}
networking:
  dnsDomain: ${cfg.clusterDomain}
  podSubnet: ${cfg.podCIDR}
  serviceSubnet: ${cfg.serviceCIDR}
proxy: {}
scheduler: {}
`;
}

function kubeletConfiguration(cfg: ClusterConfig): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
cgroupRoot: /kubelet
clusterDNS:
- ${cfg.dnsIP}
clusterDomain: ${cfg.clusterDomain}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionHard:
  imagefs.available: 0%
  nodefs.available: 0%
  nodefs.inodesFree: 0%
evictionPressureTransitionPeriod: 0s
failSwapOn: false
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageGCHighThresholdPercent: 100
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

export interface SystemConfigMapInputs {
  /** The cluster CA (what kube-root-ca.crt carries). */
  caPem: string;
  /** When kubeadm init ran. */
  createdMs: number;
  /** For the front-proxy CA and the bootstrap token's signature. */
  rng: Rng;
}

function configMap(namespace: string, name: string, data: Record<string, string>, labels?: Record<string, string>): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(labels ? { labels } : {}) }, data };
}

/** The ConfigMaps of kube-system, kube-public and local-path-storage, in the order kind's bootstrap creates them. */
export function systemConfigMaps(cfg: ClusterConfig, input: SystemConfigMapInputs): ConfigMap[] {
  const frontProxyCa = selfSignedCaPem('front-proxy-ca', Math.floor(input.createdMs / 1000) * 1000 - 5 * 60_000, input.rng);
  const signature = base64(randomBytes(input.rng, 32), true);
  const caData = base64(ascii(input.caPem));
  const since = new Date(input.createdMs).toISOString().slice(0, 10);
  return [
    configMap('kube-system', 'extension-apiserver-authentication', {
      'client-ca-file': input.caPem,
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': frontProxyCa,
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
    configMap('kube-system', 'kube-apiserver-legacy-service-account-token-tracking', { since }),
    configMap('kube-system', 'kubeadm-config', { ClusterConfiguration: clusterConfiguration(cfg) }),
    configMap('kube-system', 'kubelet-config', { kubelet: kubeletConfiguration(cfg) }),
    configMap('kube-public', 'cluster-info', {
      'jws-kubeconfig-abcdef': `eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiY2RlZiJ9..${signature}`,
      kubeconfig: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${caData}
    server: https://${controlPlaneEndpoint(cfg)}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`,
    }),
    configMap('kube-system', 'coredns', { Corefile: corefile(cfg.clusterDomain) }),
    configMap('kube-system', 'kube-proxy', { 'config.conf': kubeProxyConfig(cfg), 'kubeconfig.conf': kubeProxyKubeconfig(cfg) }, { app: 'kube-proxy' }),
    configMap('local-path-storage', 'local-path-config', {
      'config.json': `{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["/var/local-path-provisioner"]
        }
        ]
}`,
      'helperPod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: helper-pod
spec:
  containers:
  - name: helper-pod
    image: docker.io/kindest/local-path-helper:v20241212-8ac705d0
    imagePullPolicy: IfNotPresent`,
      setup: `#!/bin/sh
set -eu
mkdir -m 0777 -p "$VOL_DIR"`,
      teardown: `#!/bin/sh
set -eu
rm -rf "$VOL_DIR"`,
    }),
  ];
}
