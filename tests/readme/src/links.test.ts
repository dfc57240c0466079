import { describe, expect, it } from 'vitest';
import { brokenLink, headingSlugs, links } from './links.js';
import { readmePaths, readReadme, repoRoot } from './readmes.js';

describe('README links', () => {
  for (const readme of readmePaths()) {
    it(`${readme}: every relative link resolves`, () => {
      const broken = links(readReadme(readme)).flatMap(({ line, target }) => {
        const problem = brokenLink(repoRoot, readme, target);
        return problem ? [`${readme}:${line}: ${problem}`] : [];
      });
      expect(broken).toEqual([]);
    });
  }
});

describe('the link checker', () => {
  it('finds inline links, images and reference definitions, not code', () => {
    const md = '[a](./x.md) ![b](docs/y.png) `[c](z)`\n[d]: ../e.md\n```md\n[f](g)\n```\n<img src="h.png">';
    expect(links(md).map((l) => l.target)).toEqual(['./x.md', 'docs/y.png', '../e.md', 'h.png']);
  });

  it('makes GitHub-style heading anchors, numbering repeats', () => {
    const slugs = headingSlugs('# The outbox: sends that survive a restart\n## `loket dev`\n## Tests\n## Tests\n');
    expect([...slugs]).toEqual(['the-outbox-sends-that-survive-a-restart', 'loket-dev', 'tests', 'tests-1']);
  });

  it('reports a missing file and a missing heading, and ignores external links', () => {
    expect(brokenLink(repoRoot, 'README.md', 'packages/nope')).toContain('does not exist');
    expect(brokenLink(repoRoot, 'README.md', 'packages/core#no-such-heading')).toContain('no heading');
    expect(brokenLink(repoRoot, 'README.md', 'packages/core#errors')).toBeUndefined();
    expect(brokenLink(repoRoot, 'README.md', '#which-store')).toBeUndefined();
    expect(brokenLink(repoRoot, 'README.md', 'https://example.com/nope')).toBeUndefined();
  });
});
