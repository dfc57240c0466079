import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { withoutFences } from './readmes.js';

/** A link of a README: where it is and what it points at. */
export interface Link {
  line: number;
  target: string;
}

/** Inline code spans blanked out (a `[x](y)` inside backticks is no link). */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
}

/** Every link of a markdown text outside code: inline links and images, reference definitions, HTML src/href. */
export function links(markdown: string): Link[] {
  const found: Link[] = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((raw, i) => {
      const line = withoutCodeSpans(raw);
      const patterns = [
        /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g,
        /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g,
      ];
      patterns.push(/\b(?:src|href)=["']([^"']+)["']/g);
      for (const pattern of patterns) {
        for (const match of line.matchAll(pattern)) found.push({ line: i + 1, target: match[1] ?? '' });
      }
    });
  return found;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to `-`, repeats numbered `-1`, `-2`, .... */
export function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .toLowerCase();
    const base = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * What is wrong with a link of `readme` (a path from the repository root), or undefined when it resolves: the file
 * or folder exists, and an anchor names a heading of the markdown file it points at (a folder: its README.md).
 * External links (http, https, mailto, ...) are not fetched.
 */
export function brokenLink(root: string, readme: string, target: string): string | undefined {
  if (external.test(target)) return undefined;
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart.split('?')[0] ?? '');
  const file = path === '' ? join(root, readme) : join(root, path.startsWith('/') ? path : join(dirname(readme), path));
  const shown = relative(root, file) || '.';
  if (!existsSync(file)) return `${target}: ${shown} does not exist`;
  if (!anchor) return undefined;
  const markdown = statSync(file).isDirectory() ? join(file, 'README.md') : file;
  if (!markdown.endsWith('.md') || !existsSync(markdown)) return `${target}: no markdown to hold #${anchor}`;
  const slugs = headingSlugs(readFileSync(markdown, 'utf8'));
  if (!slugs.has(decodeURIComponent(anchor).toLowerCase())) {
    return `${target}: ${relative(root, markdown)} has no heading #${anchor} (it has: ${[...slugs].join(', ')})`;
  }
  return undefined;
}
