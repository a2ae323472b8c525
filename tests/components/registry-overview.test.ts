/** The figures of the registry home, and the geometry of its bar charts. */
import { describe, expect, it } from 'vitest';
import { layoutBars, lineLength, wrapLabel } from '../../src/components/registry/bar-chart.ts';
import {
	overviewSizes,
	registryOverview,
	type Chart,
} from '../../src/components/registry/registry-overview.ts';
import { kinds } from '../../src/registry/kinds/index.ts';
import { vocabularyValue } from '../../src/registry/vocabularies.ts';
import { referencesOf, siteEntries } from '../../src/utils/site-registry.ts';
import { sampleSite } from './sample-site.ts';

const change = (date: string, sha: string) => ({ sha, date, subject: `change ${sha}` });
const registry = await sampleSite();
const [first, second] = registry.entries.models;
const dated = await sampleSite(
	new Map([
		[
			first?.filePath ?? '',
			[change('2026-11-20T10:00:00Z', 'b'), change('2026-01-02T10:00:00Z', 'a')],
		],
		[second?.filePath ?? '', [change('2026-11-25T10:00:00Z', 'c')]],
	]),
);
const overview = registryOverview(registry, 'fr');
const systems = overview.kinds.find((kind) => kind.kind === 'systems');
const chart = (name: string): Chart => {
	const found = systems?.charts.find((candidate) => candidate.id === `systems-${name}`);
	if (!found) throw new Error(`no chart ${name}`);
	return found;
};
const sum = (bars: Chart['bars']) => bars.reduce((total, bar) => total + bar.count, 0);

describe('registryOverview', () => {
	it('counts every kind, in the kinds’ order, with a link to its index', () => {
		expect(overview.kinds.map((kind) => kind.kind)).toEqual(kinds.map((kind) => kind.name));
		for (const kind of overview.kinds) {
			expect(kind.count).toBe(siteEntries(registry, kind.kind).length);
			expect(kind.href).toMatch(/\/registre\/[a-z-]+\/$/);
		}
	});

	it('charts the facets the descriptors name, in their order', () => {
		const names = kinds.find((kind) => kind.name === 'systems')?.home?.charts ?? [];
		expect(systems?.charts.map((c) => c.id)).toEqual(names.map((name) => `systems-${name}`));
	});

	it('lists a short vocabulary whole and in its order, zeros included, each value once', () => {
		const status = chart('status');
		const order = registry.vocabularies.get('statuses')?.values.map((value) => value.label.fr);
		expect(status.bars.map((bar) => bar.label)).toEqual(order);
		expect(sum(status.bars)).toBe(registry.entries.systems.length);
		expect(status.several).toBe(false);
		const risk = chart('risk');
		const highRisk = vocabularyValue(registry.vocabularies, 'risk-classes', 'high-risk');
		const bar = risk.bars.find((candidate) => candidate.label === highRisk?.label.fr);
		expect(bar?.count).toBe(
			registry.entries.systems.filter((s) => s.data.aiAct.riskClass === 'high-risk').length,
		);
		expect(bar?.href).toBe('/registre/systemes/?risk=high-risk');
		for (const zero of risk.bars.filter((candidate) => candidate.count === 0)) {
			expect(zero.href).toBeUndefined();
		}
	});

	it('counts a system once per value of its models, and those without a model apart', () => {
		const hosting = chart('hosting');
		const withoutModels = registry.entries.systems.filter((s) => s.data.models.length === 0);
		const last = hosting.bars.at(-1);
		if (withoutModels.length > 0) {
			expect(last).toEqual({ label: 'Aucun modèle', count: withoutModels.length });
		}
		expect(sum(hosting.bars)).toBeGreaterThanOrEqual(registry.entries.systems.length);
		expect(hosting.several).toBe(sum(hosting.bars) > registry.entries.systems.length);
	});

	it('ranks the models by the systems that use them, the most used first', () => {
		const models = overview.kinds.find((kind) => kind.kind === 'models');
		const used = models?.charts.find((c) => c.id === 'models-most-used');
		const counts = used?.bars.map((bar) => bar.count) ?? [];
		expect(counts.length).toBeGreaterThan(0);
		expect(counts.length).toBeLessThanOrEqual(overviewSizes.mostUsed);
		expect([...counts].sort((a, b) => b - a)).toEqual(counts);
		const top = Math.max(
			...registry.entries.models.map(
				(model) =>
					new Set(
						referencesOf(registry, 'models', model.id)
							.filter((reference) => reference.from.kind === 'systems')
							.map((reference) => reference.from.id),
					).size,
			),
		);
		expect(counts[0]).toBe(top);
		expect(used?.bars[0]?.href).toMatch(/^\/registre\/modeles\/[a-z0-9-]+\/$/);
	});

	it('lists the latest change of each entry, newest first, and dates the last update', () => {
		expect(overview.changes).toEqual([]);
		expect(overview.updated).toBeUndefined();
		const { changes, updated } = registryOverview(dated, 'en');
		expect(changes.map((c) => c.date)).toEqual(['2026-11-25T10:00:00Z', '2026-11-20T10:00:00Z']);
		expect(updated).toBe('2026-11-25T10:00:00Z');
		expect(changes[0]).toMatchObject({
			kindLabel: 'AI model',
			href: `/en/registre/modeles/${second?.id}/`,
		});
	});
});

describe('bar charts', () => {
	it('wrap labels at spaces into lines short enough for a phone', () => {
		const label = 'Non à haut risque au titre de la dérogation de l’article 6, paragraphe 3';
		const lines = wrapLabel(label);
		expect(lines.join(' ')).toBe(label);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(lineLength);
		expect(wrapLabel('')).toEqual(['']);
	});

	it('draw bars in proportion, the highest count the widest, below their labels', () => {
		const layout = layoutBars([
			{ label: 'En service', count: 8 },
			{ label: 'Pilote', count: 2 },
			{ label: 'Retiré', count: 0 },
		]);
		const [a, b, c] = layout.bars;
		expect(a?.width).toBe(85);
		expect(b?.width).toBeCloseTo(21.25, 1);
		expect(c?.width).toBe(0);
		expect((b?.lines[0]?.y ?? 0) > (a?.barY ?? 0)).toBe(true);
		expect(layout.height).toBeGreaterThan(c?.barY ?? 0);
	});
});
