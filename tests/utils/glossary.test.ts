import { describe, expect, it } from 'vitest';
import { glossaryId, glossaryPath, isGlossaryTerm } from '../../src/utils/glossary.ts';

describe('glossary terms', () => {
	it('anchors a vocabulary value by its list and key, the same in both languages', () => {
		expect(glossaryId('risk-classes', 'high-risk')).toBe('risk-classes-high-risk');
		expect(glossaryPath('fr', 'risk-classes-high-risk')).toBe('/glossaire/#risk-classes-high-risk');
		expect(glossaryPath('en')).toBe('/en/glossaire/');
	});

	it('holds the values of its lists that have a definition to show', () => {
		expect(isGlossaryTerm('risk-classes', { definition: { fr: 'x', en: 'x' } })).toBe(true);
		expect(isGlossaryTerm('data-residency', {})).toBe(false);
		expect(isGlossaryTerm('modalities', { definition: { fr: 'x', en: 'x' } })).toBe(false);
	});
});
