// The server's BAD_USER_INPUT message names the offending URL, as typed or as normalised.
// A URL counts as named only where it stands whole: "https://a.com" is not named by "https://a.com/b".
const continuesUrl = /^(?:[A-Za-z0-9/_~?#=&%+@-]|\.[A-Za-z0-9])/;
const extendsUrlBackwards = /[A-Za-z0-9/_~?#=&%+@.:-]$/;

function spellings(line: string): string[] {
  const typed = line.trim();
  const found = new Set([typed]);
  try {
    const normalised = new URL(typed).href;
    found.add(normalised);
    found.add(normalised.replace(/\/$/, ''));
  } catch {
    // Not a URL at all: only the typed text can be named.
  }
  return [...found].filter(Boolean);
}

function namesWhole(message: string, spelling: string): boolean {
  for (let at = message.indexOf(spelling); at !== -1; at = message.indexOf(spelling, at + 1)) {
    const before = message.slice(0, at);
    const after = message.slice(at + spelling.length);
    if (!extendsUrlBackwards.test(before) && !continuesUrl.test(after)) return true;
  }
  return false;
}

/** Indexes of the lines whose URL the message names. */
export function linesNamedBy(message: string, lines: readonly string[]): number[] {
  return lines.flatMap((line, index) => (spellings(line).some((spelling) => namesWhole(message, spelling)) ? [index] : []));
}
