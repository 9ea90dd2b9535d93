import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { writeOfflineProject } from '../support/offline-install.ts';

const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const ledger2016 = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
const minutes = 60_000;

/** A PATH holding only the shell tools install.sh and the launcher use: no node, no npm. */
function barePath(dir: string): string {
  mkdirSync(dir);
  for (const tool of ['sh', 'dirname', 'readlink', 'id', 'uname', 'mkdir', 'rm', 'cp', 'mv', 'ln']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** Runs a command and returns its output; the test fails with its stderr when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = packageRoot): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * minutes });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * The offline installer and the npm package, built from the dist/ the test run compiled: installed
 * into temporary folders and run there as a user would, with no network and (for the installer) no
 * node or npm on the PATH.
 */
describe('installing without a network', () => {
  let work: string;
  let installer: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'govdraft-install-'));
    const tsx = join(packageRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    execFileSync(process.execPath, [tsx, 'packaging/bundle.ts', '--prebuilt', '--fast', '--out', work], {
      cwd: packageRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    installer = join(work, readdirSync(work).find((name) => name.endsWith('-linux-x64.tar.gz')) ?? '');
  }, 20 * minutes);
  afterAll(() => rm(work, { recursive: true, force: true }), 10 * minutes);

  it(
    'unpacks, installs with install.sh and runs check, ingest and search with the bundled Node.js',
    () => {
      execFileSync('tar', ['-xzf', installer, '-C', work]);
      const unpacked = join(
        work,
        readdirSync(work).find((name) => name.endsWith('-linux-x64') && !name.endsWith('.gz')) ?? '',
      );
      for (const part of [
        'dist/cli/main.js',
        'corpus',
        'prompts',
        'node/bin/node',
        'node_modules/@lancedb/lancedb',
      ])
        expect(existsSync(join(unpacked, part))).toBe(true);
      // What npm publishes (package.json `files`: of server/, only the web page's static files) and
      // production dependencies only.
      expect(existsSync(join(unpacked, 'server/web/static'))).toBe(true);
      for (const absent of [
        'server/api',
        'server/figures',
        'test',
        'evals',
        'node_modules/vitest',
        'node_modules/typescript',
      ])
        expect(existsSync(join(unpacked, absent))).toBe(false);
      const env = { PATH: barePath(join(work, 'bare-bin')), HOME: work, LANCEDB_LOG: 'error' };
      const prefix = join(work, 'prefix');
      expect(run(join(unpacked, 'install.sh'), ['--prefix', prefix], env)).toContain('govdraft 已安装到');
      const govdraft = join(prefix, 'bin', 'govdraft');
      expect(run(govdraft, ['--help'], env)).toContain('用法');
      const dataDir = join(work, 'data');
      const checked = JSON.parse(
        run(govdraft, ['--data-dir', dataDir, 'check', seedPath, '--ledger', ledger2016, '--json'], env),
      );
      expect(checked.summary).toEqual({ supported: 50, contradicted: 0, unverified: 0 });
      expect(run(govdraft, ['--data-dir', dataDir, 'ingest', seedPath], env)).toContain('已导入');
      const { hits } = JSON.parse(
        run(govdraft, ['--data-dir', dataDir, 'search', '拆除违法建筑', '--json'], env),
      );
      expect(hits[0].text).toContain('违法建筑');
    },
    10 * minutes,
  );

  it(
    'installs the npm package from its tarball with npm ci --offline, and npx govdraft runs',
    () => {
      const packDir = join(work, 'pack');
      mkdirSync(packDir);
      const [{ filename }] = JSON.parse(
        run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], process.env),
      ) as { filename: string }[];
      const project = join(work, 'project');
      mkdirSync(project);
      writeOfflineProject(project, join(packDir, filename));
      const env = {
        ...process.env,
        npm_config_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      };
      run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], env, project);
      expect(run('npx', ['--offline', '--no-install', 'govdraft', '--help'], env, project)).toContain('用法');
      const checked = JSON.parse(
        run(
          'npx',
          [
            '--offline',
            '--no-install',
            'govdraft',
            '--data-dir',
            join(work, 'npx-data'),
            'check',
            seedPath,
            '--ledger',
            ledger2016,
            '--json',
          ],
          env,
          project,
        ),
      );
      expect(checked.summary.contradicted).toBe(0);
    },
    10 * minutes,
  );
});
