interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

const escapeChar = (char: string) => (char === ' ' ? '\\s+' : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));

function emit(node: TrieNode): string {
  const branches = [...node.children].map(([char, child]) => escapeChar(char) + emit(child));
  if (branches.length === 0) return '';
  const choice = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (!node.terminal) return choice;
  return branches.length === 1 ? `(?:${choice})?` : `${choice}?`;
}

/**
 * One regular-expression alternation of lower-case terms, factored into a trie ("recommend",
 * "recommended" → "recommend(?:ed)?"): V8 tries the alternatives of a flat list one after the
 * other at every candidate position, so sharing prefixes makes a scan of a hundred terms about
 * as fast as one of a few. Greedy optional suffixes keep the longest term first; a space in a
 * term matches any run of white space.
 */
export function alternation(terms: readonly string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const term of terms) {
    let node = root;
    for (const char of term) {
      let child = node.children.get(char);
      if (!child) {
        child = { children: new Map(), terminal: false };
        node.children.set(char, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  // No terms: a pattern that matches nothing, not the empty string everywhere.
  return root.children.size === 0 ? '(?!)' : `(?:${emit(root)})`;
}
