import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/readme/src/readmes.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every README the tests cover, relative to the repository root: the root one, each package, example and bench. */
export function readmePaths(): string[] {
  const paths = ['README.md'];
  for (const dir of ['packages', 'examples']) {
    for (const name of readdirSync(join(repoRoot, dir)).sort()) {
      if (existsSync(join(repoRoot, dir, name, 'README.md'))) paths.push(`${dir}/${name}/README.md`);
    }
  }
  if (existsSync(join(repoRoot, 'bench/README.md'))) paths.push('bench/README.md');
  return paths;
}

/** A fenced code block of a README. */
export interface Fence {
  lang: string;
  /** 1-based line of the first code line (the one after the opening fence). */
  line: number;
  code: string;
  /** The `<!-- snippet: ... -->` annotation right before the fence, if any. */
  annotation?: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;

/** The fenced code blocks of a markdown text, each with the annotation comment right before it. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const marker = open[2] ?? '```';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(marker)) end++;
    let prev = i - 1;
    while (prev >= 0 && (lines[prev] ?? '').trim() === '') prev--;
    const annotation = /^<!--\s*snippet:(.*?)-->\s*$/.exec((lines[prev] ?? '').trim())?.[1]?.trim();
    found.push({
      lang: (open[3] ?? '').toLowerCase(),
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      ...(annotation === undefined ? {} : { annotation }),
    });
    i = end;
  }
  return found;
}

/** The markdown with its fenced code blocks blanked out (line numbers kept), for link and heading scans. */
export function withoutFences(markdown: string): string {
  const lines = markdown.split('\n');
  let marker: string | undefined;
  return lines
    .map((line) => {
      if (marker) {
        if (line.trim().startsWith(marker)) marker = undefined;
        return '';
      }
      const open = FENCE.exec(line);
      if (open) {
        marker = open[2];
        return '';
      }
      return line;
    })
    .join('\n');
}

export function readReadme(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}
