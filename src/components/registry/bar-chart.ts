/**
 * The geometry of a horizontal bar chart drawn as SVG when the site is built: each value's label
 * on its own lines above its bar, the count after the bar. Lengths are in `em` and horizontal
 * positions in percent, so the chart follows the text size and the width of the page, from a
 * 320 px phone to a desktop, with no script and no scaling of the text.
 */

/** A bar to draw: its label, lines wrapped, and its count. */
export interface BarLayout {
	lines: { text: string; y: number }[];
	count: number;
	/** Top of the bar, in em. */
	barY: number;
	/** Width of the bar, in percent of the chart's width (0 for a zero count). */
	width: number;
}

/** A whole chart's geometry. */
export interface ChartLayout {
	bars: BarLayout[];
	/** Height of the chart, in em. */
	height: number;
	/** Height of a bar, in em. */
	barHeight: number;
}

/** Longest label line, in characters: about 17 em, which fits the 288 px of a 320 px phone. */
export const lineLength = 34;

const lineHeight = 1.3;
const barHeight = 1;
const gap = 0.9;
/** The widest bar leaves this much of the width to its count. */
const widest = 85;

/** Wraps a label into lines of at most {@link lineLength} characters, at spaces. */
export function wrapLabel(label: string, max = lineLength): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.length ? lines : [''];
}

/** Lays out bars for labels and counts; the longest bar is the highest count. */
export function layoutBars(bars: readonly { label: string; count: number }[]): ChartLayout {
	const max = Math.max(1, ...bars.map((bar) => bar.count));
	let y = 0;
	const laid = bars.map(({ label, count }): BarLayout => {
		const lines = wrapLabel(label).map((text) => {
			y += lineHeight;
			// Text sits on its baseline: a line's baseline is a little above its bottom.
			return { text, y: round(y - 0.35) };
		});
		const barY = round(y + 0.15);
		y += 0.15 + barHeight + gap;
		return { lines, count, barY, width: round((count / max) * widest) };
	});
	return { bars: laid, height: round(Math.max(y - gap + 0.2, lineHeight)), barHeight };
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
