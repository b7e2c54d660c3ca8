// Help texts. kubectl's own help is long and mostly about features this
// playground does not simulate, so these list what works here, in kubectl's
// layout.

const COMMANDS: [string, string][] = [
  ['get', 'List objects as tables, YAML, JSON, names or JSONPath (-w to watch)'],
  ['describe', 'Show an object in detail, with its events'],
  ['apply', 'Create or update objects from YAML files (-f FILE, -f -)'],
  ['create', 'Create objects: -f FILE, namespace, deployment, service <type>'],
  ['delete', 'Delete objects by name, label selector or file'],
  ['run', 'Start a pod from an image'],
  ['expose', 'Make a Service for a deployment, replica set, pod or service'],
  ['scale', 'Set the replicas of a deployment or replica set'],
  ['label', 'Add, change or remove labels'],
  ['annotate', 'Add, change or remove annotations'],
  ['patch', 'Update fields of an object (strategic, merge or JSON patch; --subresource=status)'],
  ['rollout', 'Follow (status) or restart the rollout of a deployment'],
  ['config', 'Read and set the kubeconfig (set-context --current --namespace=NS)'],
  ['cluster-info', 'Show where the control plane and CoreDNS run'],
  ['api-resources', 'List the resource types the server serves'],
  ['version', 'Show client and server versions'],
];

export function kubectlHelp(): string {
  const rows = COMMANDS.map(([c, d]) => `  ${c.padEnd(16)}${d}\n`).join('');
  return `kubectl controls the simulated kind cluster of this playground.\n\nCommands available here:\n${rows}\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** `kubectl create service` (without a type) prints cobra's help of the group, as kubectl v1.32 does. */
const CREATE_SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function commandHelp(path: string): string {
  if (path === 'kubectl create service') return CREATE_SERVICE_HELP;
  const name = path.replace(/^kubectl /, '').split(' ')[0];
  const entry = COMMANDS.find(([c]) => c === name);
  return `${entry ? entry[1] : path}.\n\nUsage:\n  ${path} [options]\n\nSee the kubectl documentation for the full reference; this playground simulates the common flags.\n`;
}
