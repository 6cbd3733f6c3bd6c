/**
 * Read channels that can take longer than a glance on a large library (facet counts under a one-letter
 * filter at 100,000 papers take over a second): the contract's channels of kind `slowRead`. The host
 * runs them on a reader thread; the window names each one with a jobId, shows it in the status bar once
 * it passes 300 ms, and can cancel it. The label (declared with the channel) is what the status bar says
 * while it runs.
 */
import { channelsOfKind, contract, isChannel, type ChannelOfKind, type SlowReadSpec } from './contract';

export type LongRead = ChannelOfKind<'slowRead'>;

/** Each slow read's label ("Counting filter values"), from the contract. */
export const LONG_READS = Object.fromEntries(channelsOfKind('slowRead').map((c) => [c, (contract[c] as SlowReadSpec).label])) as Readonly<Record<LongRead, string>>;

export function isLongRead(channel: string): channel is LongRead {
  return isChannel(channel) && contract[channel].kind === 'slowRead';
}
