import type { ComponentChildren } from 'preact';

/**
 * A wide table scrolls sideways inside this box at phone width. It takes focus so that keyboard
 * users can scroll it too, and its label tells screen reader users what they are in.
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
