/** The Authors view: a grid of author cards (placeholder until the grid lands). */
export function AuthorGridView() {
  return <p className="pane-hint">The authors grid is coming.</p>;
}
