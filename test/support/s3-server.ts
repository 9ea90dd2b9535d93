import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** A local S3-compatible server (moto's `moto_server`) on 127.0.0.1, for object-store tests. */
export interface S3Server {
  endpoint: string;
  /** The environment LanceDB reads: endpoint, region and (dummy) credentials. */
  env: NodeJS.ProcessEnv;
  createBucket(name: string): Promise<void>;
  /** Keys under a prefix (ListObjectsV2). */
  list(bucket: string, prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/** True when `moto_server` is installed (Python's moto with its server extra). */
export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

/** Starts moto_server on a free port; resolves once it answers. */
export function startS3Server(): Promise<S3Server> {
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (d: Buffer): void => {
      output += d.toString('utf8');
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(serverAt(m[1], child));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`moto_server exited with ${code}: ${output}`)));
  });
}

function serverAt(endpoint: string, child: ChildProcess): S3Server {
  return {
    endpoint,
    env: {
      AWS_ENDPOINT: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'govdraft-test',
      AWS_SECRET_ACCESS_KEY: 'govdraft-test',
      // Never ask a cloud metadata service for credentials.
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async createBucket(name) {
      const res = await fetch(`${endpoint}/${name}`, { method: 'PUT' });
      if (!res.ok) throw new Error(`cannot create bucket ${name}: HTTP ${res.status}`);
    },
    async list(bucket, prefix) {
      const res = await fetch(`${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`);
      return [...(await res.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]);
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
