/** Authors: the sidebar list, the grid of cards, one card, one author's metrics. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, AuthorSummary, AuthorCard, AuthorMetrics, AUTHOR_SORT_KEYS, AuthorGridCard } from '../model';
import { JOB_ID } from './inputs';
import { searchText } from '../text-input';

export const authorsChannels = {
  'authors.list': {
    kind: 'read', reads: ['authors', 'paper_authors', 'papers', 'author_metric_snapshots'],
    input: z.object({
      /** Only authors with an imported profile (default), or every author named on a paper. */
      profilesOnly: z.boolean().default(true),
      filter: searchText(200).default(''),
    }),
    output: z.array(AuthorSummary),
  },
  'authors.grid': {
    kind: 'read', reads: ['authors', 'paper_authors', 'papers', 'author_metric_snapshots', 'paper_affiliations', 'affiliations'],
    input: z.object({
      sort: z.enum(AUTHOR_SORT_KEYS).default('papers'),
      desc: z.boolean().default(true),
      /** Case- and accent-insensitive part of the name. */
      filter: searchText(200).default(''),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(500).default(100),
    }),
    output: z.object({ rows: z.array(AuthorGridCard), total: z.number().int(), offset: z.number().int() }),
  },
  'authors.card': { kind: 'read', reads: ['authors', 'paper_authors', 'papers', 'author_metric_snapshots', 'paper_affiliations', 'affiliations'], input: z.object({ id: Id }), output: AuthorCard },
  /** With a jobId, jobs.cancel stops it (CANCELLED). */
  'authors.metrics': { kind: 'slowRead', label: "Computing the author's metrics", reads: ['authors', 'paper_authors', 'papers', 'author_metric_snapshots', 'paper_categories'], input: z.object({ id: Id, jobId: JOB_ID.optional() }), output: AuthorMetrics },
} as const satisfies Record<string, ChannelSpec>;
