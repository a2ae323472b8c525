import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	getPrinciple,
	loadPrinciples,
	parsePrinciples,
	principleKeys,
} from '../../src/components/principles.ts';

describe('charter principles', () => {
	it('defines every key the kit relies on, with labels and definitions in both languages', () => {
		const principles = loadPrinciples();
		expect(principles.map(({ key }) => key)).toEqual([...principleKeys]);
		for (const { label, definition } of principles) {
			for (const text of [label.fr, label.en, definition.fr, definition.en]) {
				expect(text.trim().length).toBeGreaterThan(0);
			}
		}
	});

	it('fails loudly on an unknown key, so a typo in a page breaks the build', () => {
		expect(getPrinciple('sobriety').label.en).toBe('Sobriety and environmental cost');
		expect(() => getPrinciple('sobreity')).toThrow(/Unknown charter principle "sobreity"/);
	});

	it('rejects a principle without a definition', () => {
		const text = readFileSync('vocabularies/principles.yml', 'utf8');
		const withoutDefinition = text.replace(/ {4}definition:\n( {6}.*\n| {8}.*\n)+/, '');
		expect(() => parsePrinciples(withoutDefinition)).toThrow(/has no definition/);
	});
});
