// kubectl's printers as pure functions from API objects to text (kubectl and
// server v1.32). kubectl fetches objects from the API store and hands them
// here; printers never write and read nothing but their inputs and `lookup`.
//
//   printGetTables / getTableOutput   `kubectl get` tables (default and -o wide)
//   createWatchTablePrinter           `kubectl get --watch` (widths remembered across events)
//   printNames / printName            `kubectl get -o name`, `pod/x`
//   describe / joinDescriptions       `kubectl describe`
//   podStatusText / podReadyText      STATUS and READY of a pod (also for the diagram)

export type { ObjectLookup } from './lookup';
export { printGetTables, getTableOutput, printNames, printName, hasTableColumns, createWatchTablePrinter } from './get/print';
export type { KindList, GetTableOptions, GetCommandOptions, GetResult, WatchTablePrinter } from './get/print';
export { podStatusText, podReadyText, podRestartsText, summarizePod } from './get/pods';
export type { PodSummary } from './get/pods';
export { nodeStatusText, nodeRoles } from './get/nodes';
export { describe, joinDescriptions, canDescribe } from './describe/index';
export { humanDuration, ageOf } from '../../text/duration';
