/**
 * A CommonJS `require` for the cite modules, made on first use. citeproc-js and the style and locale JSON of
 * @citation-js/plugin-csl are CommonJS files loaded only when a citation is first formatted (the window, the
 * command line and browser mode never pay for them at start). shared/ is also type-checked for the renderer,
 * which has no Node types, so `node:module` is reached through `process.getBuiltinModule` (Node 20.16+,
 * Electron's Node) rather than an import; these modules run in the main process and plain Node only.
 */
import { LecternError } from '../errors';

type Require = (id: string) => unknown;
interface NodeModuleApi {
  createRequire(from: string): Require;
}
interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

let cached: Require | null = null;

/**
 * @param id a package path (`citeproc`, `@citation-js/plugin-csl/lib/styles.json`)
 * @returns what `require(id)` returns, resolved from this file
 * @throws LecternError `INTERNAL` outside Node (the renderer asks the main process instead)
 */
export function nodeRequire(id: string): unknown {
  if (cached === null) {
    const proc = (globalThis as { process?: ProcessWithBuiltins }).process;
    const mod = proc?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
    if (!mod) {
      throw new LecternError('INTERNAL', 'Formatted citations need Node 20.16 or newer (or the desktop app); this runtime cannot load the citation engine.');
    }
    cached = mod.createRequire((import.meta as { url?: string }).url ?? '');
  }
  return cached(id);
}
