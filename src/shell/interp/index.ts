// The shell interpreter and what it hands to commands.
export { Interpreter, type CommandLookup, type InterpreterOptions, type RunOptions } from './interpreter';
export { shellOf, isTty, terminalColumns, cwdOf, type ShellIO, type ShellRuntime, type ShellExecContext } from './context';
export { shellState, setVar, exportVar, unsetVar, isExported, exportedEntries } from './shell-state';
