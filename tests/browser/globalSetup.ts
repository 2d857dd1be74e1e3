/**
 * Browser tests run against the app built from the real data: build the data
 * (unless an up-to-date build is already in public/data), build the site,
 * and serve it on localhost as a static host would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DATA_FORMAT_VERSION } from '../../src/data/schema.ts';
import { startServer } from '../../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

function dataIsCurrent(): boolean {
  const manifest = 'public/data/manifest.json';
  if (!existsSync(manifest)) return false;
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')).formatVersion === DATA_FORMAT_VERSION;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = resolve(process.env.DATA_DIR ?? '../shared/data');
  if (!dataIsCurrent() || process.env.REBUILD_DATA) {
    console.log(`Building the data from ${dataDir} …`);
    execFileSync(process.execPath, ['--max-old-space-size=1536', '--import', 'tsx', 'scripts/pipeline/cli.ts', '--data', dataDir], { stdio: 'inherit' });
  }
  console.log('Building the site …');
  // NODE_ENV is "test" under vitest: the site must be built as in production (React's production build).
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const { server, url } = await startServer('dist');
  project.provide('baseUrl', url);
  project.provide('dataDir', dataDir);
  return () => new Promise<void>((done) => server.close(() => done()));
}
