/** What commands print: a table or key–value lines for people, or the API's JSON with --json. */
export type Column<T> = [header: string, value: (row: T) => string | null | undefined];

export function table<T>(rows: T[], columns: Column<T>[], empty: string): string {
  if (rows.length === 0) return empty;
  const cells = rows.map((row) => columns.map(([, value]) => (value(row) ?? "–").replace(/\s+/g, " ")));
  const headers = columns.map(([header]) => header.toUpperCase());
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const render = (line: string[]) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  return [render(headers), ...cells.map(render)].join("\n");
}

export function fields(entries: [label: string, value: string | null | undefined][]): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value ?? "–"}`).join("\n");
}

export function print(json: boolean, data: unknown, human: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(data, null, 2) : human()}\n`);
}
