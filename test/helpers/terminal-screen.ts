// What a terminal shows after a program's output: a small emulator of the few controls secret-hook writes (a
// carriage return, clear to the end of the line, colours) and of what a terminal does by itself (wrap a line at
// its last column). A progress line wider than the terminal wraps, and the next `\r` returns only to the start of
// the last row: the rows above stay on the screen. This emulator keeps them too, so a test can see them.

/** Runs a program in a pseudo-terminal of `columns` columns (util-linux `script`), as a person's terminal would. */
export function inTerminal(command: string, columns: number): string[] {
  return ['-qfec', `stty cols ${columns} rows 50; ${command}`, '/dev/null'];
}

export function screenOf(output: string, columns: number): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (let i = 0; i < output.length; i++) {
    const char = output[i]!;
    if (char === '\x1b') {
      const sequence = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(output.slice(i));
      if (!sequence) continue;
      i += sequence[0].length - 1;
      if (sequence[2] === 'K') rows[row]!.length = Math.min(rows[row]!.length, col);
      continue; // colours (m) and anything else: no change to the text
    }
    if (char === '\r') {
      col = 0;
      continue;
    }
    if (char === '\n') {
      row++;
      col = 0;
      rows[row] ??= [];
      continue;
    }
    if (col === columns) {
      // The terminal wraps by itself.
      row++;
      col = 0;
      rows[row] ??= [];
    }
    const line = rows[row]!;
    while (line.length < col) line.push(' ');
    line[col] = char;
    col++;
  }
  const screen = rows.map((r) => r.join('').trimEnd());
  while (screen.length > 0 && screen[screen.length - 1] === '') screen.pop();
  return screen;
}
