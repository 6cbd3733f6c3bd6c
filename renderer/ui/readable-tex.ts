/**
 * Titles and abstracts are stored verbatim, LaTeX included ("Near-Optimal $\ell_1$ Bounds"). For
 * reading, inline math made only of common symbols, sub/superscript digits and percent signs is shown
 * as Unicode ("ℓ₁"); anything else stays exactly as written, so nothing is ever silently mangled.
 */
const SYMBOLS: Record<string, string> = {
  ell: 'ℓ', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω',
  infty: '∞', times: '×', cdot: '·', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', approx: '≈', sim: '∼', pm: '±',
  to: '→', rightarrow: '→', log: 'log', sqrt: '√',
};
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', s: 'ₛ', t: 'ₜ', x: 'ₓ' };
const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', T: 'ᵀ' };

function scripts(text: string, marker: '_' | '^', table: Record<string, string>): string | null {
  let failed = false;
  const out = text.replace(marker === '_' ? /_(\{([^{}]*)\}|.)/g : /\^(\{([^{}]*)\}|.)/g, (_m, single: string, braced: string | undefined) => {
    const chars = [...(braced ?? single)];
    const mapped = chars.map((c) => table[c]);
    if (mapped.some((c) => c === undefined)) failed = true;
    return mapped.join('');
  });
  return failed ? null : out;
}

function mathToText(inner: string): string | null {
  let text = inner.replace(/\\%/g, '%');
  text = text.replace(/\\(mathcal|mathrm|mathbf|text|textbf|textit|emph|operatorname)\{([^{}]*)\}/g, (_m, cmd: string, arg: string) => (cmd === 'mathcal' && arg === 'O' ? 'O' : arg));
  text = text.replace(/\\tilde\{O\}/g, 'Õ');
  text = text.replace(/\\sqrt\{([^{}]*)\}/g, '√$1');
  text = text.replace(/\\([a-zA-Z]+)/g, (m, name: string) => SYMBOLS[name] ?? m);
  if (/\\/.test(text)) return null;
  const sub = scripts(text, '_', SUB);
  if (sub === null) return null;
  const sup = scripts(sub, '^', SUP);
  if (sup === null || /[{}]/.test(sup)) return null;
  return sup;
}

export function readableTex(text: string): string {
  if (!text.includes('$')) return text;
  // Pandoc's rule tells math from prices: no space inside either dollar, no digit right after the closing one.
  return text.replace(/\$(\S(?:[^$]{0,58}\S)?)\$(?!\d)/g, (whole, inner: string) => mathToText(inner) ?? whole);
}
