/**
 * Turn failed loads into a visible notice: the window must say when it could not show something, and
 * in words that fit the cause. A request the library refused as invalid (e.g. a filter over the
 * length limit) is not a library failure; a library that does not answer is. The notice is withdrawn
 * once that view loads again.
 */
import { useEffect } from 'react';
import { LecternError } from '../../shared/errors';
import { useNotices, type Notice } from '../stores/notice-store';

export interface LoadProblem {
  /** Which view failed ('papers', 'library'); one notice per source. */
  source: string;
  error: Error | null;
  /** What the view keeps showing meanwhile, as a sentence (or ''). */
  kept: string;
}

interface Issue {
  path: string[];
  message: string;
}

function issuesOf(error: LecternError): Issue[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is Issue => typeof i === 'object' && i !== null && Array.isArray((i as Issue).path) && typeof (i as Issue).message === 'string');
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The notice for one failed load (exported for tests). */
export function loadNotice(problem: LoadProblem & { error: Error }): Omit<Notice, 'id'> {
  const { error, kept, source } = problem;
  if (error instanceof LecternError && error.code === 'INVALID_INPUT') {
    const issues = issuesOf(error);
    const about = issues.map((i) => sentence(i.message)).join(' ');
    if (issues.length > 0 && issues.every((i) => i.path[0] === 'filter' || i.path[0] === 'query')) {
      return { kind: 'error', source, title: 'The filter could not be applied.', detail: [about, kept, 'Shorten the filter to try again.'].filter(Boolean).join(' ') };
    }
    return { kind: 'error', source, title: 'Lectern could not show this view.', detail: [about || sentence(error.message), kept].filter(Boolean).join(' ') };
  }
  return { kind: 'error', source, title: 'Lectern could not read the library.', detail: [sentence(error.message), kept].filter(Boolean).join(' ') };
}

export function useLoadErrors(problems: LoadProblem[]): void {
  // One string per render so the effect runs only when a problem appears, changes or goes away.
  const signature = problems.map((p) => `${p.source}\u0000${p.error ? `${p.error instanceof LecternError ? p.error.code : ''}:${p.error.message}` : ''}`).join('\u0001');
  useEffect(() => {
    const notices = useNotices.getState();
    for (const problem of problems) {
      if (problem.error) notices.push(loadNotice({ ...problem, error: problem.error }));
      else notices.withdraw(problem.source);
    }
    // `problems` is read through `signature`; a new array with the same content changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
}
