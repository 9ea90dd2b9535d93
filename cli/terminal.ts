/** True when the terminal UI can run: Ink needs raw mode on a terminal, for input and output. */
export function canRunTui(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}
