import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The reasons behind the code must be readable from the repository alone: a comment or document
 * that names a document names one that is here, and a citation of a section, written
 * `docs/ARCHITECTURE.md, 'Section'` (likewise `docs/SECURITY.md` and `README.md`), names a
 * heading that exists. Inside those documents, `see 'Section'` refers to a heading of the same
 * document. A comment that names a file of the repository (`lib/…`, `tests/…`, …) names one that
 * exists, and none cites an issue by its number: the issues are not in the repository, so a
 * reason is cited by the section that gives it. docs/ARCHITECTURE.md, 'Architecture' says how to
 * cite.
 */
const ROOT = resolve(__dirname, '../..');
const SELF = relative(ROOT, __filename);
/** Build output, dependencies and test output: not ours to check. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'dist', 'test-results', 'playwright-report']);
const SKIPPED_PATHS = new Set(['packages/playwright/extension']);
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

const SCRIPT = /\.(?:ts|tsx|mts|cts|mjs|cjs|js|jsonc)$/;

/** Every comment of a script, read with TypeScript's parser (so `//` in a string or a regex is no comment). */
function scriptComments(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const comments: string[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return comments;
}

/**
 * What a person reads as prose in a file: its comments, or a document without its code blocks
 * (which show commands and the files of a user's own project, such as its `tests/fixtures.ts`).
 */
function proseOf(path: string, text: string): string {
  if (path.endsWith('.md')) return text.replace(/^```[\s\S]*?^```/gm, '');
  if (SCRIPT.test(path)) return scriptComments(path, text).join('\n');
  if (path.endsWith('.css')) return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join('\n');
  if (path.endsWith('.html')) return [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => m[0]).join('\n');
  // Shell scripts and YAML: from a `#` to the end of its line.
  return [...text.matchAll(/(?:^|\s)#(?!!)[^\n]*/g)].map((m) => m[0]).join('\n');
}

/** The repository's top folders a comment may name a file of. */
const REPOSITORY_DIRS = [
  'lib',
  'tests',
  'packages',
  'entrypoints',
  'components',
  'utils',
  'hooks',
  'scripts',
  'docs',
  'public',
  'bench',
  'examples',
];
const REPOSITORY_PATH = new RegExp(`(?<![\\w.@/-])(?:@/)?((?:${REPOSITORY_DIRS.join('|')})/[\\w.@/-]*\\w)`, 'g');
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.md', '.json', '.html', '.css'];
/** Folders a tool makes when it first writes there: `npm run fixture`'s output (scripts/fixture.mjs). */
const MADE_ON_FIRST_USE = ['tests/fixtures/signin/reported'];

/** The folders a path in `path`'s comments may be relative to: the root, its package, its own folder. */
function basesFor(path: string): string[] {
  const pkg = /^(?:packages|examples)\/[^/]+/.exec(path)?.[0];
  return ['', ...(pkg ? [pkg] : []), dirname(path)];
}

/** An issue cited by number ("issue #14", "#21.4"): the issues are not in the repository. */
const ISSUE_NUMBER = /\b[Ii]ssues? #\d+(?:\.\d+)?|(?<![\w&/])#\d+\.\d+\b/g;

/** What is wrong with the files and issues a file's prose names. */
function namedFileProblems(path: string, text: string, repo: Pick<Repository, 'exists'>): string[] {
  const prose = proseOf(path, text).replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, '');
  const problems: string[] = [];
  for (const match of prose.matchAll(REPOSITORY_PATH)) {
    const named = match[1] as string;
    if (MADE_ON_FIRST_USE.some((dir) => named === dir || named.startsWith(`${dir}/`))) continue;
    const found = basesFor(path).some((base) =>
      EXTENSIONS.some((ext) => repo.exists(join(base, `${named}${ext}`).replace(/^\.\//, ''))),
    );
    if (!found) problems.push(`${path}: names ${named}, which is not in the repository`);
  }
  for (const [cited] of prose.matchAll(ISSUE_NUMBER)) {
    problems.push(`${path}: cites ${cited}; cite the section of a document that gives the reason`);
  }
  return problems;
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

  it('every file of the repository a comment names exists, and no comment cites an issue number', () => {
    const files = textFiles();
    expect(files).toContain('public/popup-first-request.js');
    expect(
      files.flatMap((path) => namedFileProblems(path, readFileSync(join(ROOT, path), 'utf8'), repository)),
    ).toEqual([]);
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
  const files: Pick<Repository, 'exists'> = {
    exists: (path) =>
      [
        'lib/totp.ts',
        'lib/signin',
        'packages/playwright/src/fake-signin/totp.ts',
        'packages/playwright/tests/e2e/signin.spec.ts',
      ].includes(path),
  };

  it.each([
    ['a file that is not there', '// See tests/support/fake-signin for the fake.', 'names tests/support/fake-signin'],
    [
      'a file in a block comment',
      '/** Framed by tests/fixtures/signin/framed.html. */',
      'names tests/fixtures/signin/framed.html',
    ],
    ['an issue number', '// The table fits its box (issue #21.4).', 'cites issue #21.4'],
    ['an item of an issue', '/* Bounded (#14.1). */', 'cites #14.1'],
    ['a file named in a CSS comment', 'a { color: red; } /* as lib/gone.ts does */', 'names lib/gone.ts'],
  ])('finds %s', (_name, text, problem) => {
    const path = text.startsWith('a {') ? 'components/theme.css' : 'lib/example.ts';
    const problems = namedFileProblems(path, text, files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it.each([
    ['a file without its extension', '// Codes as lib/totp makes them.'],
    ['a folder, with an ellipsis', '// One module per screen, lib/signin/…'],
    ["a package's file, from the root", '// packages/playwright/src/fake-signin/totp.ts'],
    ['a path in code, not in a comment', "const out = 'tests/fixtures/signin/reported/x.ts';"],
    ['a path in a string that looks like a comment', "const glob = 'lib/**/*.ts'; // lib/totp.ts"],
    ["another project's pull request", '// aws-azure-login PR #369, keepassxc-browser #2831'],
    ['the alias', "// as '@/lib/totp' exports it"],
  ])('accepts %s', (_name, text) => {
    expect(namedFileProblems('lib/example.ts', text, files)).toEqual([]);
  });

  it("accepts a package's file named from the package's own folder", () => {
    const text = '// The same flow as tests/e2e/signin.spec.ts.';
    expect(namedFileProblems('packages/playwright/src/session.ts', text, files)).toEqual([]);
    expect(namedFileProblems('lib/example.ts', text, files)).toHaveLength(1);
  });

  it("reads a document's prose but not its code blocks", () => {
    const readme = '# A\n\nSee lib/missing.ts.\n\n```ts\n// tests/fixtures.ts in your suite\n```\n';
    expect(namedFileProblems('README.md', readme, files)).toEqual([
      'README.md: names lib/missing.ts, which is not in the repository',
    ]);
  });
});
