import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../server/paths.ts';

/** The house limits (BRIEF: small functions and files): a function over this many lines must be split. */
const maxFunctionLines = 100;
/** A source file over this many lines holds more than one concept. */
const maxFileLines = 300;

/** One function that is too long: where it starts and how many lines it spans. */
interface LongFunction {
  where: string;
  lines: number;
}

/** Lines a node spans, from its first token (not its leading comment) to its last. */
function spannedLines(source: ts.SourceFile, node: ts.Node): number {
  const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
  return last - first + 1;
}

/** Every function-like node (declarations, expressions, arrows, methods, accessors) longer than `max` lines. */
function longFunctions(file: string, text: string, max: number): LongFunction[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = spannedLines(source, node);
      if (lines > max) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${file}:${line}`, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Lines in a file as an editor counts them (a final newline does not open another line). */
function fileLines(text: string): number {
  return text.replace(/\n$/, '').split('\n').length;
}

/** The TypeScript sources git tracks under server/ and cli/. */
function sources(): string[] {
  const listed = execFileSync('git', ['ls-files', '--', 'server', 'cli'], {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
}

describe('sizes', () => {
  it('measures a function from its first token to its closing line, nested ones too', () => {
    const body = Array.from({ length: 4 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `/** doc */\nexport function outer() {\n${body}\n  const inner = () => {\n    return 1;\n  };\n}\n`;
    expect(longFunctions('probe.ts', text, 9)).toEqual([]);
    expect(longFunctions('probe.ts', text, 8)).toEqual([{ where: 'probe.ts:2', lines: 9 }]);
    expect(longFunctions('probe.ts', text, 2)).toEqual([
      { where: 'probe.ts:2', lines: 9 },
      { where: 'probe.ts:7', lines: 3 },
    ]);
    expect(fileLines('a\nb\n')).toBe(2);
    expect(fileLines('a\nb')).toBe(2);
  });

  it('finds TypeScript sources under server/ and cli/', () => {
    const files = sources();
    expect(files).toContain('server/app.ts');
    expect(files).toContain('cli/main.ts');
  });

  it(`no function in server/ or cli/ is longer than ${maxFunctionLines} lines`, () => {
    const long = sources().flatMap((f) =>
      longFunctions(f, readFileSync(join(packageRoot, f), 'utf8'), maxFunctionLines),
    );
    expect(long.map((l) => `${l.where} (${l.lines} lines)`)).toEqual([]);
  });

  it(`no source file in server/ or cli/ is longer than ${maxFileLines} lines`, () => {
    const long = sources()
      .map((f) => ({ f, lines: fileLines(readFileSync(join(packageRoot, f), 'utf8')) }))
      .filter((x) => x.lines > maxFileLines);
    expect(long.map((l) => `${l.f} (${l.lines} lines)`)).toEqual([]);
  });
});
