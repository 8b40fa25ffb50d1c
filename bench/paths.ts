import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, found the same way from bench/*.ts (tsx) and dist/bench/*.js (built). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}: run the bench from a doppel checkout`);
}

/** How to start another node process running one of our own modules, built or through tsx. */
export function nodeModuleArgs(baseName: string): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, `${baseName}.js`);
  if (existsSync(js)) return [js];
  return ['--import', 'tsx', join(here, `${baseName}.ts`)];
}
