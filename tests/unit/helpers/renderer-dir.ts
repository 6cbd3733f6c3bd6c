import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A stand-in for the built renderer beside a temporary library file (`<its folder>/renderer/index.html`),
 * for tests that start the browser-mode server without building the window.
 * @param libraryFile a file from tempLibraryFile()
 * @returns the folder to pass as `rendererDir`
 */
export function stubRendererDir(libraryFile: string): string {
  const rendererDir = join(dirname(libraryFile), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lectern</title>');
  return rendererDir;
}
