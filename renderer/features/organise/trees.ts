/**
 * Trees for the sidebar from the library's flat lists: tags nest by the `/` in their names
 * (`method/rl` sits under `method`, even when no tag is called just `method`), collections by parentId.
 */
import type { Collection, Tag } from '../../../shared/contract';

export interface TagNode {
  /** The full path (`method/rl`); the key of the node. */
  path: string;
  /** The last level (`rl`). */
  label: string;
  /** The tag of this exact name, or null for a level that only groups others. */
  tag: Tag | null;
  /** Papers that filtering by this node shows (the tag's subtree count); null for a bare level (see tagTree). */
  count: number | null;
  children: TagNode[];
}

/** Build the tag tree, siblings by name (case-insensitive). */
export function tagTree(tags: Tag[]): TagNode[] {
  const byPath = new Map<string, TagNode>();
  const roots: TagNode[] = [];
  const node = (path: string): TagNode => {
    const key = path.toLowerCase();
    let n = byPath.get(key);
    if (n) return n;
    const cut = path.lastIndexOf('/');
    n = { path, label: cut < 0 ? path : path.slice(cut + 1), tag: null, count: 0, children: [] };
    byPath.set(key, n);
    if (cut < 0) roots.push(n);
    else node(path.slice(0, cut)).children.push(n);
    return n;
  };
  for (const t of tags) {
    const n = node(t.name);
    n.tag = t;
    n.path = t.name;
    n.count = t.subtreeCount;
  }
  const finish = (list: TagNode[]): TagNode[] => {
    for (const n of list) {
      finish(n.children);
      // A bare level (no tag of its own) has no count the library keeps, and its children's may overlap
      // (a paper carrying two of them): show none rather than a wrong one.
      if (!n.tag) n.count = null;
    }
    return list.sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }));
  };
  return finish(roots);
}

/** Ids of the tags at or below a node (what clicking a bare level filters by). */
export function tagIdsUnder(node: TagNode): number[] {
  if (node.tag) return [node.tag.id];
  return node.children.flatMap(tagIdsUnder);
}

export interface CollectionNode {
  collection: Collection;
  children: CollectionNode[];
  depth: number;
}

/** Build the collection tree, siblings by name. */
export function collectionTree(collections: Collection[]): CollectionNode[] {
  const nodes = new Map(collections.map((c) => [c.id, { collection: c, children: [] as CollectionNode[], depth: 0 }]));
  const roots: CollectionNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.collection.parentId === null ? undefined : nodes.get(n.collection.parentId);
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const finish = (list: CollectionNode[], depth: number): void => {
    list.sort((a, b) => a.collection.name.localeCompare(b.collection.name, undefined, { sensitivity: 'base' }));
    for (const n of list) {
      n.depth = depth;
      finish(n.children, depth + 1);
    }
  };
  finish(roots, 0);
  return roots;
}

/** The tree in display order, each node once (for pickers that list collections flat with indentation). */
export function flattenCollections(nodes: CollectionNode[]): CollectionNode[] {
  return nodes.flatMap((n) => [n, ...flattenCollections(n.children)]);
}

/** Ids of a collection and everything below it (a collection cannot move into these). */
export function collectionSubtreeIds(node: CollectionNode): number[] {
  return [node.collection.id, ...node.children.flatMap(collectionSubtreeIds)];
}
