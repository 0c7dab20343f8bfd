import { BULLET } from './wording';

/**
 * A policy's plain text read back into blocks, for the preview and the printable page. The text
 * may have been edited by hand, so its shape is inferred rather than stored: blocks are separated
 * by blank lines; the first is the title; a block of one short line that does not end like a
 * sentence is a heading; lines starting with a bullet are list items.
 */
export type PolicyBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[]; items: string[] };

const MAX_HEADING = 80;

export function policyBlocks(text: string): PolicyBlock[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
  return blocks.map((lines, index): PolicyBlock => {
    const only = lines.length === 1 ? lines[0]! : undefined;
    if (index === 0 && only !== undefined) return { kind: 'title', text: only };
    if (only !== undefined && only.length <= MAX_HEADING && !only.startsWith(BULLET) && !/[.:;,!?…]$/.test(only)) return { kind: 'heading', text: only };
    return {
      kind: 'paragraph',
      lines: lines.filter((line) => !line.startsWith(BULLET)),
      items: lines.filter((line) => line.startsWith(BULLET)).map((line) => line.slice(BULLET.length).trim()),
    };
  });
}
