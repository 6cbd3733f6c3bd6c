/** The "Papers" part of the Export dialog: the selection, the table's view, a collection, a tag, a saved search or everything. */
import type { ReactNode } from 'react';
import { useChannel } from '../../api/use-channel';
import { plural } from '../../ui/format';
import { collectionTree, flattenCollections } from '../organise/trees';
import type { ExportScope } from './export-scope';

function Choice({ checked, disabled = false, label, onPick, children }: { checked: boolean; disabled?: boolean; label: string; onPick(): void; children?: ReactNode }) {
  return (
    <div className="scope-choice">
      <label className="check-label">
        <input type="radio" name="export-scope" checked={checked} disabled={disabled} onChange={onPick} /> {label}
      </label>
      {children}
    </div>
  );
}

/**
 * @param scope the current choice
 * @param selected how many papers are selected in the table
 */
export function ExportScopePicker({ scope, selected, onChange }: { scope: ExportScope; selected: number; onChange(scope: ExportScope): void }) {
  const collections = useChannel('collections.list', {});
  const tags = useChannel('tags.list', {});
  const saved = useChannel('savedSearches.list', {});
  const flat = collections.data ? flattenCollections(collectionTree(collections.data)) : [];
  const idOf = (value: string) => (value === '' ? null : Number(value));
  return (
    <fieldset className="export-scope">
      <legend className="field-label">Papers</legend>
      <Choice checked={scope.kind === 'selection'} disabled={selected === 0} label={selected > 0 ? `The selection (${plural(selected, 'paper')})` : 'The selection (none selected)'} onPick={() => onChange({ kind: 'selection' })} />
      <Choice checked={scope.kind === 'view'} label="What the table shows" onPick={() => onChange({ kind: 'view' })} />
      <Choice checked={scope.kind === 'collection'} label="A collection" onPick={() => onChange({ kind: 'collection', id: scope.kind === 'collection' ? scope.id : (flat[0]?.collection.id ?? null) })}>
        {scope.kind === 'collection' ? (
          <select className="input" aria-label="Collection" value={scope.id ?? ''} onChange={(e) => onChange({ kind: 'collection', id: idOf(e.target.value) })}>
            {flat.length === 0 ? <option value="">No collections yet</option> : null}
            {flat.map((n) => (
              <option key={n.collection.id} value={n.collection.id}>
                {`${'  '.repeat(n.depth)}${n.collection.name} (${n.collection.paperCount})`}
              </option>
            ))}
          </select>
        ) : null}
      </Choice>
      <Choice checked={scope.kind === 'tag'} label="A tag" onPick={() => onChange({ kind: 'tag', id: scope.kind === 'tag' ? scope.id : (tags.data?.[0]?.id ?? null) })}>
        {scope.kind === 'tag' ? (
          <select className="input" aria-label="Tag" value={scope.id ?? ''} onChange={(e) => onChange({ kind: 'tag', id: idOf(e.target.value) })}>
            {tags.data?.length ? null : <option value="">No tags yet</option>}
            {tags.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {`${t.name} (${t.subtreeCount})`}
              </option>
            ))}
          </select>
        ) : null}
      </Choice>
      <Choice checked={scope.kind === 'saved'} label="A saved search" onPick={() => onChange({ kind: 'saved', id: scope.kind === 'saved' ? scope.id : (saved.data?.[0]?.id ?? null) })}>
        {scope.kind === 'saved' ? (
          <select className="input" aria-label="Saved search" value={scope.id ?? ''} onChange={(e) => onChange({ kind: 'saved', id: idOf(e.target.value) })}>
            {saved.data?.length ? null : <option value="">No saved searches yet</option>}
            {saved.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ) : null}
      </Choice>
      <Choice checked={scope.kind === 'library'} label="The whole library" onPick={() => onChange({ kind: 'library' })} />
    </fieldset>
  );
}
