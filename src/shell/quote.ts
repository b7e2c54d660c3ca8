// Quoting a word for the shell: as is when it has nothing special, else in
// single quotes (what commands use to build command lines they run).

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
