/**
 * Two places where happy-dom 21 departs from the DOM standard in ways that make DOMPurify (which
 * notes' Markdown goes through) fail open, fixed for the renderer tests only:
 *
 * 1. DOMPurify reads `nodeName` and `nodeType` through Node.prototype's getters (so a page cannot
 *    clobber them). happy-dom defines them on subclasses and Node.prototype's own getter answers
 *    something generic for every element, so every tag looks disallowed. Node.prototype's getters are
 *    made to answer what the node's own class says, as in browsers.
 * 2. A NodeIterator that follows the DOM standard when nodes are removed during iteration. happy-dom 21's NodeIterator stops as soon as the node it stands on is removed,
 * so DOMPurify (which removes nodes while iterating) would leave everything after the first removed
 * node unsanitised: a sanitiser test in happy-dom would then test happy-dom, not Lectern. Chromium's
 * iterator is correct; this brings happy-dom's in line (https://dom.spec.whatwg.org/#nodeiterator,
 * including the "pre-removing steps").
 */

const FILTER_ACCEPT = 1;

type Filter = ((node: Node) => number) | { acceptNode(node: Node): number } | null;

/** The node after `node` in tree order within `root`, or null. */
function following(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n && n !== root) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}

function lastInclusiveDescendant(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

const live = new Set<SpecNodeIterator>();

class SpecNodeIterator {
  reference: Node;
  pointerBeforeReference = true;
  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: Filter,
  ) {
    this.reference = root;
    live.add(this);
  }

  get referenceNode(): Node {
    return this.reference;
  }

  private accept(node: Node): boolean {
    if (!((1 << (node.nodeType - 1)) & this.whatToShow)) return false;
    if (!this.filter) return true;
    const verdict = typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
    return verdict === FILTER_ACCEPT;
  }

  nextNode(): Node | null {
    let node: Node | null = this.reference;
    let before = this.pointerBeforeReference;
    for (;;) {
      if (before) before = false;
      else {
        node = node ? following(node, this.root) : null;
        if (!node) {
          live.delete(this);
          return null;
        }
      }
      if (this.accept(node!)) {
        this.reference = node!;
        this.pointerBeforeReference = false;
        return node;
      }
    }
  }

  detach(): void {
    live.delete(this);
  }

  /** The standard's pre-removing steps, run before `removed` leaves the tree. */
  preRemove(removed: Node): void {
    if (!removed.contains(this.reference) || removed === this.root || !this.root.contains(removed)) return;
    if (this.pointerBeforeReference) {
      const next = following(removed, this.root, true);
      if (next) {
        this.reference = next;
        return;
      }
      this.pointerBeforeReference = false;
    }
    this.reference = removed.previousSibling ? lastInclusiveDescendant(removed.previousSibling) : removed.parentNode!;
  }
}

/** Node.prototype's nodeName/nodeType getters answer what the node's own class defines (see 1.). */
function delegateNodeGetters(): void {
  for (const prop of ['nodeName', 'nodeType'] as const) {
    const base = Object.getOwnPropertyDescriptor(Node.prototype, prop);
    if (!base?.get) continue;
    const baseGet = base.get;
    Object.defineProperty(Node.prototype, prop, {
      configurable: true,
      get(this: Node) {
        for (let proto = Object.getPrototypeOf(this) as object | null; proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
          const own = Object.getOwnPropertyDescriptor(proto, prop);
          if (own?.get) return own.get.call(this) as unknown;
        }
        return baseGet.call(this) as unknown;
      },
    });
  }
}

/** Install both fixes: standard Node getters, and document.createNodeIterator with removal steps. */
export function installDomStandardShims(): void {
  delegateNodeGetters();
  const docProto = Object.getPrototypeOf(document) as Document;
  let target: object | null = docProto;
  while (target && !Object.prototype.hasOwnProperty.call(target, 'createNodeIterator')) target = Object.getPrototypeOf(target) as object | null;
  Object.defineProperty(target ?? docProto, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value(root: Node, whatToShow = 0xffffffff, filter: Filter = null) {
      return new SpecNodeIterator(root, whatToShow, filter);
    },
  });
  // removeChild may be defined on several prototypes (Node, Element ...): hook each one.
  for (const proto of [Node.prototype, Element.prototype, HTMLElement.prototype, DocumentFragment.prototype, Document.prototype]) {
    if (!Object.prototype.hasOwnProperty.call(proto, 'removeChild')) continue;
    const original = (proto as unknown as { removeChild(this: Node, child: Node): Node }).removeChild;
    Object.defineProperty(proto, 'removeChild', {
      configurable: true,
      writable: true,
      value(this: Node, child: Node) {
        for (const it of live) it.preRemove(child);
        return original.call(this, child);
      },
    });
  }
}
