import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The reasons behind the code must be readable from the repository alone (issue #20): a comment
 * or document that names a document names one that is here, and a citation of a section, written
 * `docs/ARCHITECTURE.md, 'Section'` (likewise `docs/SECURITY.md` and `README.md`), names a
 * heading that exists. Inside those documents, `see 'Section'` refers to a heading of the same
 * document. docs/ARCHITECTURE.md, 'Architecture' says how to cite.
 */
const ROOT = resolve(__dirname, '../..');
const SELF = relative(ROOT, __filename);
/** Build output, dependencies and test output: not ours to check. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'dist', 'test-results', 'playwright-report']);
const SKIPPED_PATHS = new Set(['public', 'packages/playwright/extension']);
const TEXT_FILE = /\.(?:ts|tsx|mjs|cjs|js|md|sh|jsonc|css|html|ya?ml)$/;

/** The documents a citation may name a section of, by the path it is cited with. */
const CITABLE = ['docs/ARCHITECTURE.md', 'docs/SECURITY.md', 'README.md'] as const;

function textFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (SKIPPED_DIRS.has(name) || SKIPPED_PATHS.has(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return textFiles(path);
    return TEXT_FILE.test(name) && path !== SELF ? [path] : [];
  });
}

/** A document's headings, as written after the `#`s. */
function headingsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1] as string));
}

/** Comment continuation lines joined, so a citation wrapped over two comment lines reads as one. */
function joinLines(text: string): string {
  return text.replace(/\s*\n\s*(?:\*(?!\/)|\/\/+|#(?=\s))?\s*/g, ' ');
}

interface Repository {
  /** Whether a file exists at this path, relative to the repository's root. */
  exists(path: string): boolean;
  /** The headings of each citable document. */
  headings: Readonly<Record<(typeof CITABLE)[number], Set<string>>>;
}

/** What is wrong with the document names and citations in one file's text. */
function citationProblems(path: string, text: string, repo: Repository): string[] {
  const problems: string[] = [];
  const withoutUrls = text.replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, '');
  for (const [name] of withoutUrls.matchAll(/[\w./-]*\w\.md\b/g)) {
    const found = repo.exists(name) || repo.exists(join(dirname(path), name).replace(/^\.\//, ''));
    if (!found) problems.push(`${path}: names ${name}, which is not in the repository`);
  }
  const joined = joinLines(withoutUrls);
  const citation = /\b((?:docs\/)?(?:ARCHITECTURE|SECURITY)\.md|README(?:\.md)?),\s*(['"“‘])(.+?)['"”’]/g;
  for (const [whole, doc, quote, section] of joined.matchAll(citation)) {
    const cited = CITABLE.find((c) => c === doc);
    if (!cited || quote !== "'") {
      problems.push(`${path}: cite as ${CITABLE.join(' / ')}, 'Section' (found ${whole})`);
    } else if (!repo.headings[cited].has(section as string)) {
      problems.push(`${path}: ${cited} has no section '${section}'`);
    }
  }
  const own = CITABLE.find((c) => c === path);
  if (own) {
    for (const [, section] of joined.matchAll(/\bsee '([^']+)'/g)) {
      if (!repo.headings[own].has(section as string)) problems.push(`${path}: has no section '${section}' to see`);
    }
  }
  return problems;
}

const repository: Repository = {
  exists: (path) => existsSync(join(ROOT, path)),
  headings: {
    'docs/ARCHITECTURE.md': headingsOf(readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')),
    'docs/SECURITY.md': headingsOf(readFileSync(join(ROOT, 'docs/SECURITY.md'), 'utf8')),
    'README.md': headingsOf(readFileSync(join(ROOT, 'README.md'), 'utf8')),
  },
};

describe('documents named in comments and docs', () => {
  it('every document named is in the repository, and every cited section exists', () => {
    const files = textFiles();
    expect(files).toContain('lib/messages.ts');
    expect(files).toContain('docs/ARCHITECTURE.md');
    expect(files.flatMap((path) => citationProblems(path, readFileSync(join(ROOT, path), 'utf8'), repository))).toEqual(
      [],
    );
  });

  const fake: Repository = {
    exists: (path) => ['README.md', 'docs/ARCHITECTURE.md', 'docs/SECURITY.md'].includes(path),
    headings: {
      'docs/ARCHITECTURE.md': new Set(['Trust rules', 'Vault']),
      'docs/SECURITY.md': new Set(['What is not guaranteed']),
      'README.md': new Set(['Permissions']),
    },
  };
  // A guide kept outside the repository, its name built so this file does not cite it itself.
  const outside = ['GUIDE', 'md'].join('.');

  it.each([
    ['a document outside the repository', `// The host list (${outside}, "Hosts").`, `names ${outside}`],
    ['a missing section', "/** Top frame only (docs/ARCHITECTURE.md, 'Trust rule'). */", "no section 'Trust rule'"],
    [
      'a missing section wrapped over two comment lines',
      "/**\n * Sealed (docs/ARCHITECTURE.md, 'Vault\n * format').\n */",
      "no section 'Vault format'",
    ],
    ['the other quotes', '// Why (README.md, "Permissions").', 'cite as'],
    ['a document without its path', "// Why (README, 'Permissions').", 'cite as'],
    ['a section of SECURITY.md that is not there', "- see docs/SECURITY.md, 'Storage'", "no section 'Storage'"],
  ])('finds %s', (_name, text, problem) => {
    const problems = citationProblems('lib/example.ts', text, fake);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it.each([
    ["/** Exact hosts (docs/ARCHITECTURE.md, 'Trust rules'). */"],
    ["// docs/ARCHITECTURE.md,\n// 'Trust\n// rules'"],
    ["(README.md, 'Permissions'; docs/SECURITY.md, 'What is not guaranteed')"],
    ['Aegis (https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md)'],
  ])('accepts %s', (text) => {
    expect(citationProblems('lib/example.ts', text, fake)).toEqual([]);
  });

  it("checks a document's own `see 'Section'` against its headings", () => {
    expect(citationProblems('docs/ARCHITECTURE.md', "(see 'Vault') and (see 'Vaults')", fake)).toEqual([
      "docs/ARCHITECTURE.md: has no section 'Vaults' to see",
    ]);
  });
});
