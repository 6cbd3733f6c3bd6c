/** What importing would do to the library (new / updated / unchanged), for the paste and reference previews. */
import { formatCount } from '../../ui/format';

export function WouldImportCounts({ counts }: { counts: { added: number; updated: number; unchanged: number } }) {
  return (
    <ul className="would-import" aria-label="What importing will do">
      <li>
        <strong>{formatCount(counts.added)}</strong> new
      </li>
      <li>
        <strong>{formatCount(counts.updated)}</strong> updated
      </li>
      <li>
        <strong>{formatCount(counts.unchanged)}</strong> unchanged
      </li>
    </ul>
  );
}
