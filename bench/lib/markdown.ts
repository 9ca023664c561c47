import os from 'node:os';

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * What a bench prints: a heading, the command that reproduces it, its findings, and how busy the
 * machine was (other work on a shared machine moves every number here).
 */
export function section(title: string, command: string, body: string[]): string {
  const [one, five] = os.loadavg();
  const load = `Load average when it finished: ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min) on ${os.availableParallelism()} CPUs.`;
  return [`## ${title}`, '', `\`${command}\``, '', ...[...body, load].flatMap((part) => [part, ''])].join('\n');
}

export function benchCommand(file: string, argv = process.argv.slice(2)): string {
  return ['npx tsx', file, ...argv].join(' ');
}
