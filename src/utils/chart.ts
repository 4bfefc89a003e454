/**
 * Geometry for the posts-per-month bar chart, computed at build time so the browser receives plain SVG
 * and no chart library.
 */
import type { MonthCount } from './posts.ts';

export interface ChartBar extends MonthCount {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Axis label under the bar, or "" where labels would crowd. */
  label: string;
}

export interface BarChart {
  width: number;
  height: number;
  /** Bottom edge of the bars. */
  baseline: number;
  bars: ChartBar[];
  max: number;
  /** Gridline values, from 0 to a round maximum. */
  ticks: { value: number; y: number }[];
}

/** A "nice" upper bound for the axis: 1, 2 or 5 times a power of ten, at least the data maximum. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? 10 * magnitude);
}

export function layoutBarChart(
  counts: readonly MonthCount[],
  monthLabel: (count: MonthCount) => string,
  { width = 720, height = 240, padding = { top: 12, right: 8, bottom: 36, left: 32 } } = {},
): BarChart {
  const max = Math.max(0, ...counts.map((count) => count.count));
  const top = niceCeiling(max);
  const plotWidth = width - padding.left - padding.right;
  const plotHeight = height - padding.top - padding.bottom;
  const baseline = padding.top + plotHeight;
  const slot = counts.length ? plotWidth / counts.length : plotWidth;
  // Label every month when there is room, otherwise every 3rd or 6th, always including January.
  const every = slot >= 28 ? 1 : slot >= 10 ? 3 : 6;
  const bars = counts.map((count, index) => {
    const barHeight = (count.count / top) * plotHeight;
    const barWidth = Math.min(slot * 0.7, 40);
    return {
      ...count,
      x: padding.left + index * slot + (slot - barWidth) / 2,
      y: baseline - barHeight,
      width: barWidth,
      height: barHeight,
      label: (count.month - 1) % every === 0 ? monthLabel(count) : '',
    };
  });
  const tickStep = top / 4;
  const ticks = [0, 1, 2, 3, 4].map((i) => ({ value: tickStep * i, y: baseline - (tickStep * i / top) * plotHeight }));
  return { width, height, baseline, bars, max, ticks: ticks.filter((tick) => Number.isInteger(tick.value)) };
}
