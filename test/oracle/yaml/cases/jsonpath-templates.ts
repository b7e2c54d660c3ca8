// JSONPath templates for the oracle tests. Left out on purpose: templates whose
// output depends on Go's random map order (`{..}`, `{.metadata.*}` over maps
// with several keys), which real kubectl prints differently from run to run.

export const TEMPLATES = [
  '{.metadata.name}', '{.spec.ports[*].port}', '{.spec.ports[0]}', '{.metadata}', '{.metadata.creationTimestamp}', '{.status}',
  '{.foo}', '{.metadata.foo.bar}', '{.spec.ports[5].name}', '{.spec.ports[-1].name}', '{.spec.ports[0:1].name}',
  '{range .spec.ports[*]}{.name}{"\\t"}{.port}{"\\n"}{end}', '{..port}', '{.spec.ports[?(@.name=="80-8080")].port}',
  'name: {.metadata.name} x', '{.metadata.name', '{$.kind}', '{.kind}{.apiVersion}', '{.metadata.labels}', '{.metadata.name.foo}',
  '{range .spec}{end}', '{.spec.ports[*]}', '{.spec.ports[?(@.port==80)].name}', '{.spec.ports[?(@.port>100)].name}', '{.spec.ports[?(@.port<443)].targetPort}',
  '{.spec.ports[?(@.nodePort)].name}', '{.spec.ports[?(@.name)].name}', '{.}', '{.spec.ports[0,1].port}', '{.spec.ports[*][port,name]}',
  "{.metadata['name']}", "{.spec.ports[*]['name','port']}", '{.spec.ports[0:2:1].port}', '{.spec.ports[1:0].port}', '{.spec.ports[0:5].port}',
  '{.spec.ports[:1].port}', '{.spec.ports[x].port}', '{.spec.ports[?(@.port=="80")].name}', '{range .spec.ports[*]}{.port}{end}{end}', '{end}',
  '{range .spec.ports[*]}{.port}', '{.metadata.name}{"\\x"}', '{foo}', '{.spec.ports[0].port.x}', '{.metadata..name}', '{#}',
  '{.spec.ports[*].port}{"\\n"}{.spec.type}', '{.spec.ports[0:2:0].port}', '{.spec.ports[2:2].port}', '{.spec.ports[-3].port}', '{.metadata.name[0]}',
  '{.metadata[0]}', '{.metadata[?(@.a)]}', "{.spec.ports[?(@.name=='443-8443')].targetPort}", "{.spec.ports[?(@.name>'5')].name}",
  "{.spec.ports[?(@.name<='5')].name}", '{.spec.ports[?(@.name!="x")].name}', '{.spec.ports[?(@.name="x")].name}', '{.spec.ports[?(@.x.y=="x")].name}',
  "{.metadata.labels.app}{'\\n'}", '{"a\\tb"}', "{'it\\'s'}", '{true}', '{5}{-2}{1.5}', '{.spec.ports[?(@.protocol==true)].name}',
  '{.spec.ports[*].port}{range .spec.ports[*]}[{.name}]{end}|', '{range .spec.ports[*]}{range .name}{end}{end}', '{.spec.ports[\n]}',
  '{.spec.ports[?(@.port\n', '{.metadata.labels.app} {.metadata.name}', '{ .metadata.name }', '{.a\\.b}', '{.metadata.name.*}',
  '{.spec.ports[?(@.name)]}', '{.spec.selector.*}', '{range .metadata.labels}{@}{end}', '{.spec.ports[*].port[0]}',
  '{.spec.ports}{.spec.ports[9]}', '{"unterminated}', '{.spec.ports[0]', '{.spec.ports[?(@.name=="a")]', '{.metadata.name}}}', 'text only',
  '{}', '{@}', '{.spec.ports[?(@.name=="80-8080")].port}{.spec.ports[?(@.name=="nope")].port}', '{.spec.replicas}',
  '{.spec.template.spec.containers[*].name}', '{.spec.template.spec.containers[?(@.name=="redis")].image}', '{..containerPort}',
  '{range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}', '{.spec.template.spec.containers[0].ports[1]}',
  '{.spec.template.spec.containers[1].ports[*].containerPort}', '{.spec.strategy}', '{.spec.ports[?(@.port==80.0)].name}',
  '{.spec.ports[?(@.targetPort>=8443)].name}', '{.spec.ports[?(@.targetPort!=8443)].name}', '{.spec.ports[?(@.port==-1)].name}',
  '{range .spec.ports[*]}{.name}{"\\n"}{end}{.kind}', '{range .spec.ports[0:0]}{.name}{end}done', '{.spec.ports[-1:].port}',
  '{.spec.ports[?(@.name=="80-8080" )].port}', '{..ports[0].port}', '{.spec.clusterIP}', '{.spec..port}', '{.metadata.name}{"\\u00e9<&>"}',
];

/** Templates for lists from the server (`kubectl get svc -o jsonpath=…`). */
export const LIST_TEMPLATES = [
  '{.items[*].metadata.name}', '{.items[0].spec.ports[0].nodePort}', '{range .items[*]}{.metadata.name}{"\\t"}{.spec.clusterIP}{"\\n"}{end}',
  '{.items[*].spec.ports[?(@.port==80)].nodePort}', '{.items[*].spec.ports[?(@.port>1000)].port}', '{.items[?(@.spec.type=="NodePort")].metadata.name}',
  '{.items[5]}', '{.foo}', '{.items[*].spec.ports[0].port}', '{.metadata}', '{.items[*].metadata.labels.app}', '{.items[*].spec.ports[*].nodePort}',
  '{range .items[*]}{.metadata.name}{range .spec.ports[*]}:{.port}/{.protocol}{end}{"\\n"}{end}', '{.items[*].status.loadBalancer.ingress[0].ip}',
  '{.items[?(@.metadata.labels.app)].metadata.name}', '{.items[-1].metadata.name}', '{.kind}', '{.items[*].metadata.creationTimestamp}',
  '{.items[*].spec.ports[?(@.nodePort>=30000)].nodePort}', '{.items[*].spec.bignum}', '{.items[*].spec.ratio}',
];

export const SINGLE_TEMPLATES = ['{.spec.ports[0].nodePort}', '{.foo}', '{.spec.ports[?(@.port==80)].targetPort}', '{.spec}', '{.spec.bignum}'];
