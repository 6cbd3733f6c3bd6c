/**
 * The sidebar's Tags section: the tag tree (levels from the `/` in names) with counts. A click shows
 * the papers with that tag or any below it; Ctrl/Cmd+click adds or removes a tag from the filter, and
 * with several the Any / All switch says how they combine. Papers dragged from the table onto a tag
 * get it. Right-click (or the Menu key) renames, recolours, merges or deletes.
 */
import type { Tag } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { contextMenuProps } from './context-menu';
import { assignTags } from './curation-actions';
import { usePaperDrop } from './drop-target';
import { showInLibrary } from './show-in-library';
import { TagDot } from './tag-chip';
import { deleteTag, mergeTag, newTag, recolourTag, renameTag } from './tag-dialogs';
import { tagIdsUnder, tagTree, type TagNode } from './trees';
import { NavSectionHeading } from './nav-section-heading';
import { useSidebarCurrent } from './sidebar-scope';
import { useToggleSet } from './use-toggle-set';
import { TreeToggle } from '../../ui/tree-toggle';

function TagEntry({ node, depth, all, collapsed, onCollapse }: { node: TagNode; depth: number; all: Tag[]; collapsed: ReadonlySet<string>; onCollapse: (path: string) => void }) {
  // The library takes a tag with everything below it: a tag's own id stands for its subtree. A level
  // without a tag of its own (`method` when only `method/rl` exists) stands for the tags below it.
  const ids = node.tag ? [node.tag.id] : tagIdsUnder(node);
  const current = useSidebarCurrent((e) => e.kind === 'tags' && ids.length > 0 && ids.every((id) => e.ids.includes(id)));
  const drop = usePaperDrop((paperIds) => void (node.tag ? assignTags(paperIds, [node.tag.id]) : assignTags(paperIds, [], [node.path])));
  const open = !collapsed.has(node.path);
  const tag = node.tag;
  const menu = contextMenuProps(`Tag ${node.path}`, () => [
    { label: 'New tag inside…', run: () => newTag(node.path) },
    ...(tag
      ? [
          { label: 'Rename…', run: () => renameTag(tag) },
          { label: 'Colour…', run: () => recolourTag(tag) },
          ...(all.length > 1 ? [{ label: 'Merge into…', run: () => mergeTag(tag, all) }] : []),
          { label: 'Delete…', run: () => deleteTag(tag), danger: true },
        ]
      : []),
  ]);

  const onClick = (e: React.MouseEvent) => {
    const f = useUi.getState().facets;
    if (e.ctrlKey || e.metaKey) {
      // Add to (or take out of) the tags already filtering, keeping the other filters.
      const has = ids.every((id) => f.tagIds.includes(id));
      useUi.getState().setFacets({ tagIds: has ? f.tagIds.filter((id) => !ids.includes(id)) : [...new Set([...f.tagIds, ...ids])] });
    } else if (current && f.tagIds.length === ids.length) {
      showInLibrary({});
    } else {
      // Several ids here are the tags below a level without its own tag: any of them (OR).
      showInLibrary({ tagIds: ids, tagMode: 'or' });
    }
  };

  return (
    <li>
      <div className={`tree-row${drop.over ? ' is-drop' : ''}`} style={{ paddingLeft: depth * 14 }} {...drop.props}>
        <TreeToggle hasChildren={node.children.length > 0} open={open} name={node.path} onToggle={() => onCollapse(node.path)} />
        <button
          type="button"
          className="nav-item nav-item-group tree-item"
          aria-current={current ? 'true' : undefined}
          data-tag={node.path}
          title={`Show papers tagged ${node.path}${node.children.length ? ' or below it' : ''}; Ctrl/Cmd+click to combine tags; drop papers here to tag them; right-click for more`}
          onClick={onClick}
          {...menu}
        >
          <TagDot colour={tag?.colour ?? null} />
          <span className="nav-label">{node.label}</span>
          {node.count === null ? null : <span className="nav-count">{formatCount(node.count)}</span>}
        </button>
      </div>
      {open && node.children.length > 0 ? (
        <ul className="nav-list tree-children">
          {node.children.map((c) => (
            <TagEntry key={c.path} node={c} depth={depth + 1} all={all} collapsed={collapsed} onCollapse={onCollapse} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Any / All for several tags (OR / AND). */
function TagModeSwitch() {
  const mode = useUi((s) => s.facets.tagMode);
  const setFacets = useUi((s) => s.setFacets);
  return (
    <div className="segmented segmented-sm tag-mode" role="group" aria-label="Papers with">
      <button type="button" className="segment" aria-pressed={mode === 'or'} title="Papers with any of the chosen tags (OR)" onClick={() => setFacets({ tagMode: 'or' })}>
        Any
      </button>
      <button type="button" className="segment" aria-pressed={mode === 'and'} title="Papers with every chosen tag (AND)" onClick={() => setFacets({ tagMode: 'and' })}>
        All
      </button>
    </div>
  );
}

export function TagsSection() {
  const tags = useChannel('tags.list', {});
  const chosen = useUi((s) => s.facets.tagIds.length);
  const [collapsed, toggle] = useToggleSet<string>();
  const tree = tags.data ? tagTree(tags.data) : null;
  return (
    <section aria-labelledby="nav-tags">
      <NavSectionHeading id="nav-tags" title="Tags" addLabel="New tag" onAdd={() => newTag()}>
        {chosen > 1 ? <TagModeSwitch /> : null}
      </NavSectionHeading>
      {tree && tree.length > 0 ? (
        <ul className="nav-list tree" aria-labelledby="nav-tags">
          {tree.map((n) => (
            <TagEntry key={n.path} node={n} depth={0} all={tags.data ?? []} collapsed={collapsed} onCollapse={toggle} />
          ))}
        </ul>
      ) : (
        <p className="nav-empty">{tags.error ? 'Tags could not be loaded.' : tree ? 'No tags yet: select papers and press T.' : ''}</p>
      )}
    </section>
  );
}
