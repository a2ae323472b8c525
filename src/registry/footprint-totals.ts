import type { Drafted } from './schemas/index.ts';

/**
 * The AI drafting's footprint over the whole registry, from each entry's `provenance.drafted`
 * (its first draft) and `provenance.revisions[].drafted` (its corrections and updates): how many
 * drafts, their tokens, estimated cost and energy, in all, by month and by provider.
 * The AI assistant page publishes it, as the charter's sobriety principle promises
 * (content/docs/charte.mdx). Free of Astro, so that it is tested on its own.
 */

/** What an entry gives the totals: its provenance, whatever its kind. */
export interface FootprintSource {
	data: {
		provenance?:
			| {
					drafted?: Drafted | undefined;
					revisions?: readonly { drafted?: Drafted | undefined }[] | undefined;
			  }
			| undefined;
	};
}

/** An amount in one currency: costs in different currencies are never added together. */
export interface CurrencyTotal {
	currency: string;
	amount: number;
}

/** The sums over a set of drafts; each figure says over how many drafts it is known. */
export interface FootprintTotal {
	/** Every AI draft: first drafts and corrections. */
	drafts: number;
	/** Of the drafts, those of a correction or an update of an existing entry. */
	corrections: number;
	tokens: { input: number; output: number; known: number };
	/** One total per currency, in alphabetical order of the currency code. */
	cost: { amounts: CurrencyTotal[]; known: number };
	energyWh: { min: number; max: number; known: number };
}

/** The totals of all drafts, of each month (`YYYY-MM`, oldest first) and of each provider. */
export interface FootprintTotals {
	all: FootprintTotal;
	byMonth: (FootprintTotal & { month: string })[];
	/** Most drafts first, then by name. */
	byProvider: (FootprintTotal & { provider: string })[];
}

/** Totals the footprint of every AI draft among `entries`. */
export function footprintTotals(entries: Iterable<FootprintSource>): FootprintTotals {
	const drafts: Draft[] = [];
	for (const { data } of entries) {
		if (data.provenance?.drafted) drafts.push({ ...data.provenance.drafted, correction: false });
		for (const revision of data.provenance?.revisions ?? []) {
			if (revision.drafted) drafts.push({ ...revision.drafted, correction: true });
		}
	}
	const byMonth = groupBy(drafts, (draft) => draft.date.slice(0, 7));
	const byProvider = groupBy(drafts, (draft) => draft.provider);
	return {
		all: total(drafts),
		byMonth: [...byMonth]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([month, group]) => ({ month, ...total(group) })),
		byProvider: [...byProvider]
			.map(([provider, group]) => ({ provider, ...total(group) }))
			.sort((a, b) => b.drafts - a.drafts || a.provider.localeCompare(b.provider)),
	};
}

/** A draft and whether it was a correction's. */
type Draft = Drafted & { correction: boolean };

function groupBy(drafts: readonly Draft[], key: (draft: Draft) => string) {
	const groups = new Map<string, Draft[]>();
	for (const draft of drafts) {
		const name = key(draft);
		groups.set(name, [...(groups.get(name) ?? []), draft]);
	}
	return groups;
}

function total(drafts: readonly Draft[]): FootprintTotal {
	const sum: FootprintTotal = {
		drafts: drafts.length,
		corrections: drafts.filter((draft) => draft.correction).length,
		tokens: { input: 0, output: 0, known: 0 },
		cost: { amounts: [], known: 0 },
		energyWh: { min: 0, max: 0, known: 0 },
	};
	const amounts = new Map<string, number>();
	for (const { tokens, cost, energyWh } of drafts) {
		if (tokens) {
			sum.tokens.input += tokens.input;
			sum.tokens.output += tokens.output;
			sum.tokens.known += 1;
		}
		if (cost) {
			amounts.set(cost.currency, (amounts.get(cost.currency) ?? 0) + cost.amount);
			sum.cost.known += 1;
		}
		if (energyWh) {
			sum.energyWh.min += energyWh.min;
			sum.energyWh.max += energyWh.max;
			sum.energyWh.known += 1;
		}
	}
	sum.cost.amounts = [...amounts]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([currency, amount]) => ({ currency, amount: round(amount) }));
	sum.energyWh.min = round(sum.energyWh.min);
	sum.energyWh.max = round(sum.energyWh.max);
	return sum;
}

/** Six significant digits: sums of decimals then read as they were written (0.1 + 0.2 → 0.3). */
function round(value: number): number {
	return Number(value.toPrecision(6));
}
