export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a bench prints: a heading, the command that reproduces it, and its findings. */
export function section(title: string, command: string, body: string[]): string {
  return [`## ${title}`, '', `\`${command}\``, '', ...body.flatMap((part) => [part, ''])].join('\n');
}

export function benchCommand(file: string, argv = process.argv.slice(2)): string {
  return ['npx tsx', file, ...argv].join(' ');
}
