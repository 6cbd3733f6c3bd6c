/**
 * The sidebar's Collections section: the nested collections with the papers directly in each. A click
 * shows that collection's papers; papers dragged from the table onto one go into it; right-click (or
 * the Menu key) adds a sub-collection, renames, moves or deletes.
 */
import type { Collection } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { formatCount } from '../../ui/format';
import { deleteCollection, moveCollection, newCollection, renameCollection } from './collection-dialogs';
import { contextMenuProps } from './context-menu';
import { addToCollection } from './curation-actions';
import { usePaperDrop } from './drop-target';
import { showInLibrary } from './show-in-library';
import { collectionTree, type CollectionNode } from './trees';
import { NavSectionHeading } from './nav-section-heading';
import { useSidebarCurrent } from './sidebar-scope';
import { useToggleSet } from './use-toggle-set';
import { TreeToggle } from '../../ui/tree-toggle';

function CollectionEntry({ node, all, collapsed, onCollapse }: { node: CollectionNode; all: Collection[]; collapsed: ReadonlySet<number>; onCollapse: (id: number) => void }) {
  const c = node.collection;
  const current = useSidebarCurrent((e) => e.kind === 'collection' && e.id === c.id);
  const drop = usePaperDrop((paperIds) => void addToCollection(c.id, c.name, paperIds));
  const open = !collapsed.has(c.id);
  const menu = contextMenuProps(`Collection ${c.name}`, () => [
    { label: 'New sub-collection…', run: () => newCollection(c.id) },
    { label: 'Rename…', run: () => renameCollection(c) },
    { label: 'Move to…', run: () => moveCollection(c, all) },
    { label: 'Delete…', run: () => deleteCollection(c), danger: true },
  ]);
  return (
    <li>
      <div className={`tree-row${drop.over ? ' is-drop' : ''}`} style={{ paddingLeft: node.depth * 14 }} {...drop.props}>
        <TreeToggle hasChildren={node.children.length > 0} open={open} name={c.name} onToggle={() => onCollapse(c.id)} />
        <button
          type="button"
          className="nav-item nav-item-group tree-item"
          aria-current={current ? 'true' : undefined}
          data-collection={c.name}
          title={`Show the papers in ${c.name}; drop papers here to add them; right-click for more`}
          onClick={() => (current ? showInLibrary({}) : showInLibrary({ collectionId: c.id }))}
          {...menu}
        >
          <svg className="nav-icon" aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
            <path d="M1.8 4.2v8.3h12.4V5.6H7.6L6.2 3.5H2.5z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
          </svg>
          <span className="nav-label">{c.name}</span>
          <span className="nav-count">{formatCount(c.paperCount)}</span>
        </button>
      </div>
      {open && node.children.length > 0 ? (
        <ul className="nav-list tree-children">
          {node.children.map((n) => (
            <CollectionEntry key={n.collection.id} node={n} all={all} collapsed={collapsed} onCollapse={onCollapse} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function CollectionsSection() {
  const collections = useChannel('collections.list', {});
  const [collapsed, toggle] = useToggleSet<number>();
  const tree = collections.data ? collectionTree(collections.data) : null;
  return (
    <section aria-labelledby="nav-collections">
      <NavSectionHeading id="nav-collections" title="Collections" addLabel="New collection" onAdd={() => newCollection(null)} />
      {tree && tree.length > 0 ? (
        <ul className="nav-list tree" aria-labelledby="nav-collections">
          {tree.map((n) => (
            <CollectionEntry key={n.collection.id} node={n} all={collections.data ?? []} collapsed={collapsed} onCollapse={toggle} />
          ))}
        </ul>
      ) : (
        <p className="nav-empty">{collections.error ? 'Collections could not be loaded.' : tree ? 'No collections yet.' : ''}</p>
      )}
    </section>
  );
}
