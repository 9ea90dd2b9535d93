/**
 * `npm run bundle [-- --out DIR] [-- --prebuilt]`: the offline installer for air-gapped intranets.
 * One tarball, govdraft-<version>-linux-x64.tar.gz, holding exactly what `npm pack` publishes (dist/,
 * corpus/, prompts/), the production node_modules of this linux-x64 machine (LanceDB's native
 * binary, jieba and its dictionary included), the Node.js running this script, a launcher
 * (bin/govdraft), install.sh and INSTALL.md. Installing it needs neither npm nor a network.
 * `--prebuilt` packs the dist/ already built instead of rebuilding it, `--fast` compresses less (tests).
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../server/paths.ts';
import { type LockEntry, productionPackages } from './production-packages.ts';

const here = join(packageRoot, 'packaging');

interface BundleOptions {
  out: string;
  prebuilt: boolean;
  fast: boolean;
}

function optionsOf(args: string[]): BundleOptions {
  const at = args.indexOf('--out');
  return {
    out: resolve(at >= 0 ? args[at + 1] : join(packageRoot, 'release')),
    prebuilt: args.includes('--prebuilt'),
    fast: args.includes('--fast'),
  };
}

/** npm as the running `npm run` invoked it, else the one on PATH. */
function npm(args: string[], cwd: string): string {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli?.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []];
  return execFileSync(command, [...prefix, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** `npm pack` into `dir`, unpacked: the files the published package holds. Returns the folder. */
function packInto(dir: string, prebuilt: boolean): string {
  const packed = JSON.parse(
    npm(
      ['pack', '--json', '--pack-destination', dir, ...(prebuilt ? ['--ignore-scripts'] : [])],
      packageRoot,
    ),
  ) as { filename: string }[];
  execFileSync('tar', ['-xzf', join(dir, packed[0].filename), '-C', dir]);
  return join(dir, 'package');
}

/**
 * Places a file at `to` as a hard link when source and staging share a disk (no 500 MB copy; tar reads
 * the same bytes), else as a copy.
 */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Places a folder's tree at `to` (files linked or copied, symlinks kept), leaving out `skip`. */
function placeTree(from: string, to: string, skip: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (source === skip) continue;
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) placeTree(source, target, skip);
    else place(source, target);
  }
}

/** Places the production packages of this project's node_modules, each without its nested node_modules. */
function copyProductionModules(target: string): number {
  const lock = JSON.parse(readFileSync(join(packageRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  let copied = 0;
  for (const path of productionPackages(lock.packages)) {
    const from = join(packageRoot, path);
    if (!existsSync(from)) continue; // an optional package for another platform
    placeTree(from, join(target, path), join(from, 'node_modules'));
    copied++;
  }
  return copied;
}

/** The Node.js running this script, with its licence when the system keeps one beside it. */
function copyNode(target: string): void {
  mkdirSync(join(target, 'node', 'bin'), { recursive: true });
  // Linked or copied with its mode: never chmod it (a hard link would change the system's node).
  place(process.execPath, join(target, 'node', 'bin', 'node'));
  const licences = [
    join(dirname(process.execPath), '..', 'share', 'doc', 'node', 'LICENSE'),
    '/usr/share/doc/nodejs/LICENSE',
  ];
  const licence = licences.find((path) => existsSync(path));
  if (licence) copyFileSync(licence, join(target, 'node', 'LICENSE'));
}

/** The launcher, install script and install guide. */
function copyInstaller(target: string): void {
  mkdirSync(join(target, 'bin'), { recursive: true });
  copyFileSync(join(here, 'launcher.sh'), join(target, 'bin', 'govdraft'));
  copyFileSync(join(here, 'install.sh'), join(target, 'install.sh'));
  copyFileSync(join(here, 'INSTALL.md'), join(target, 'INSTALL.md'));
  chmodSync(join(target, 'bin', 'govdraft'), 0o755);
  chmodSync(join(target, 'install.sh'), 0o755);
}

/** Builds the offline installer; returns the tarball's path. */
function buildBundle(options: BundleOptions): string {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `the offline bundle carries this machine's native modules: build it on linux-x64, not ${process.platform}-${process.arch}`,
    );
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const name = `govdraft-${version}-linux-x64`;
  const staging = mkdtempSync(join(tmpdir(), 'govdraft-bundle-'));
  try {
    const root = join(staging, name);
    renameSync(packInto(staging, options.prebuilt), root);
    const modules = copyProductionModules(root);
    copyNode(root);
    copyInstaller(root);
    mkdirSync(options.out, { recursive: true });
    const tarball = join(options.out, `${name}.tar.gz`);
    execFileSync('tar', ['-I', options.fast ? 'gzip -1' : 'gzip', '-cf', tarball, '-C', staging, name]);
    const mb = (statSync(tarball).size / 1048576).toFixed(1);
    process.stderr.write(
      `${tarball}: ${mb} MB (${modules} production packages, Node.js ${process.version})\n`,
    );
    return tarball;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

buildBundle(optionsOf(process.argv.slice(2)));
