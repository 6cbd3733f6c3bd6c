/** How the preview and the import report say which source a paste was read as. */
import type { Detection } from '../../../shared/paste/parsed';

/**
 * The detection as the preview says it.
 * @returns `Google Scholar profile, sure` / `, likely` / `, unsure`; `Google Scholar profile, chosen by
 *   you`; `Unknown page: papers guessed` for the generic fallback
 */
export function detectionWords(d: Detection): string {
  if (d.confidence === 'fallback') return 'Unknown page: papers guessed';
  if (d.confidence === 'chosen') return `${d.label}, chosen by you`;
  return `${d.label}, ${d.confidence}`;
}
