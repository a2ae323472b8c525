import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	descriptionText,
	fieldConstraints,
	fieldReference,
	fieldTypeDescription,
	fieldTypeNames,
	type FieldReferenceItem,
} from '../../src/registry/field-reference.ts';
import { field } from '../../src/registry/schemas/index.ts';
import { entryKinds, kindOf } from '../../src/registry/kinds/index.ts';

/** A field of a kind's reference, by path. */
function item(kind: (typeof entryKinds)[number], path: string): FieldReferenceItem {
	const found = fieldReference(kind).find((candidate) => candidate.path === path);
	if (!found) throw new Error(`no field ${path} in ${kind}`);
	return found;
}

/** A field's type as the page writes it, kinds and vocabularies by name. */
function typeText(entry: FieldReferenceItem, lang: 'fr' | 'en'): string {
	return descriptionText(fieldTypeDescription(entry, lang), {
		kind: (kind) => kindOf(kind).nouns.one[lang],
		vocabulary: (name) => name,
	});
}

describe('fieldReference', () => {
	it.each(entryKinds)(
		'documents every field of %s, nested ones included, in both languages',
		(kind) => {
			for (const entry of fieldReference(kind)) {
				for (const text of [entry.label.fr, entry.label.en, entry.help.fr, entry.help.en]) {
					expect(text.trim(), entry.path).not.toBe('');
				}
				expect(fieldTypeNames[entry.type], entry.path).toBeDefined();
				for (const lang of ['fr', 'en'] as const) {
					expect(typeText(entry, lang).trim(), entry.path).not.toBe('');
				}
			}
		},
	);

	it('lists the fields in declaration order, parents before children', () => {
		const paths = fieldReference('systems').map((entry) => entry.path);
		expect(paths.slice(0, 4)).toEqual(['id', 'name', 'summary', 'domain']);
		expect(paths.indexOf('models')).toBeLessThan(paths.indexOf('models[].model'));
		expect(paths).toContain('generativeAi.hosting.residency');
		expect(paths).toContain('provenance.drafted.date');
	});

	it('describes each field’s type, requirement, vocabulary, reference and limits', () => {
		expect(item('systems', 'summary')).toMatchObject({
			type: 'text',
			required: true,
			maxLength: 400,
			depth: 0,
		});
		expect(item('systems', 'principles')).toMatchObject({
			type: 'string',
			list: true,
			required: false,
			vocabulary: 'principles',
			defaultValue: [],
		});
		expect(item('systems', 'models[].model')).toMatchObject({
			references: 'models',
			required: true,
			requiredWithin: { path: 'models', list: true },
			depth: 1,
		});
		expect(item('systems', 'language.translation').choices).toEqual([
			'human',
			'machine',
			'missing',
		]);
		expect(item('systems', 'endDate')).toMatchObject({ type: 'date', required: false });
		expect(item('systems', 'purpose').label).toEqual({ fr: 'Finalité', en: 'Purpose' });
		expect(item('models', 'modalities')).toMatchObject({ list: true, minItems: 1 });
		expect(item('models', 'contextWindow')).toMatchObject({ type: 'integer', minimum: 1 });
		expect(item('models', 'languages').format?.en).toMatch(/BCP 47/);
		expect(item('systems', 'id').format?.en).toMatch(/lowercase letters/);
	});

	it('says a list is a list, in both languages: modalities and principles are not strings', () => {
		expect(typeText(item('models', 'modalities'), 'fr')).toBe(
			'liste de valeurs du vocabulaire « modalities »',
		);
		expect(typeText(item('models', 'modalities'), 'en')).toBe(
			'list of values of vocabulary “modalities”',
		);
		expect(typeText(item('systems', 'principles'), 'en')).toMatch(/^list of values/);
		expect(typeText(item('processing-records', 'purposes'), 'en')).toBe(
			'list of texts in French and English',
		);
		expect(typeText(item('processing-records', 'controller.jointControllers'), 'fr')).toBe(
			'liste de textes simples, les mêmes dans les deux langues (160 caractères au plus chacun)',
		);
		expect(typeText(item('software', 'certifications'), 'fr')).toMatch(/^liste de valeurs/);
	});

	it('names texts, references, vocabularies, dates, addresses, numbers and yes/no', () => {
		expect(typeText(item('systems', 'summary'), 'en')).toBe(
			'text in French and English (at most 400 characters in each language)',
		);
		expect(typeText(item('systems', 'summary'), 'fr')).toBe(
			'texte en français et en anglais (400 caractères au plus dans chaque langue)',
		);
		expect(typeText(item('systems', 'models[].model'), 'en')).toBe(
			'reference to an entry of kind “AI model” (its id)',
		);
		expect(typeText(item('systems', 'processingRecords'), 'fr')).toBe(
			'liste de références à des fiches de type « traitement de données personnelles » (leurs identifiants)',
		);
		expect(typeText(item('systems', 'status'), 'fr')).toBe(
			'une des valeurs du vocabulaire « statuses »',
		);
		expect(typeText(item('systems', 'startDate'), 'en')).toBe('date (YYYY-MM-DD)');
		expect(typeText(item('systems', 'website'), 'fr')).toMatch(/^adresse web/);
		expect(typeText(item('systems', 'contact.email'), 'en')).toBe('email address');
		expect(typeText(item('models', 'parameters'), 'en')).toBe('whole number');
		expect(typeText(item('systems', 'generativeAi.inputsUsedForTraining'), 'en')).toBe(
			'yes or no: true or false',
		);
		expect(typeText(item('systems', 'language.original'), 'en')).toBe('one of fr or en');
		// The page links a kind to its index: the description keeps it apart from the text.
		expect(fieldTypeDescription(item('systems', 'models[].model'), 'fr')).toContainEqual({
			kind: 'models',
		});
	});

	it('says what a nested field’s requirement depends on', () => {
		expect(item('systems', 'generativeAi.hosting.residency').requiredWithin).toEqual({
			path: 'generativeAi',
			list: false,
		});
		expect(item('systems', 'provenance.drafted.model').requiredWithin).toEqual({
			path: 'provenance.drafted',
			list: false,
		});
		expect(item('systems', 'aiAct.role').requiredWithin).toBeUndefined();
		expect(item('systems', 'owner.unit').requiredWithin).toBeUndefined();
	});

	it('states defaults, list sizes, bounds, formats and repeats as sentences', () => {
		expect(fieldConstraints(item('systems', 'principles'), 'fr')).toEqual([
			'Par défaut : une liste vide (champ absent).',
			'Chaque valeur figure une fois au plus.',
		]);
		expect(fieldConstraints(item('models', 'modalities'), 'en')).toEqual([
			'At least 1 item.',
			'Each value is listed once at most.',
		]);
		expect(fieldConstraints(item('models', 'contextWindow'), 'fr')).toEqual(['Au moins 1.']);
		expect(fieldConstraints(item('models', 'languages'), 'en')[1]).toMatch(
			/^Each item must be a BCP 47 language code/,
		);
		expect(fieldConstraints(item('systems', 'models[].model'), 'en')).toEqual([
			'Each entry is named once at most in the list.',
		]);
		expect(fieldConstraints(item('systems', 'summary'), 'en')).toEqual([]);
	});

	it('shows each condition of the kind under every field it concerns', () => {
		const generative = /approach: generative/;
		expect(item('systems', 'approach').conditions.some((c) => generative.test(c.en))).toBe(true);
		expect(item('systems', 'generativeAi').conditions.some((c) => generative.test(c.fr))).toBe(
			true,
		);
		expect(item('systems', 'endDate').conditions).toHaveLength(2);
		expect(item('systems', 'summary').conditions).toEqual([]);
	});

	it('places every declared condition on fields of its kind', () => {
		for (const kind of entryKinds) {
			const paths = new Set(fieldReference(kind).map((entry) => entry.path));
			for (const condition of kindOf(kind).conditions ?? []) {
				expect(condition.fields.length, condition.text.en).toBeGreaterThan(0);
				for (const path of condition.fields) expect(paths, `${kind}: ${path}`).toContain(path);
				expect(condition.text.fr.trim()).not.toBe('');
				expect(condition.text.en.trim()).not.toBe('');
			}
		}
	});

	it('learns a new field from the schema alone', () => {
		const documented = field(z.string().optional(), {
			label: { fr: 'Nouveau', en: 'New' },
			help: { fr: 'Un champ ajouté.', en: 'An added field.' },
		});
		expect(documented.meta()?.['x-label']).toEqual({ fr: 'Nouveau', en: 'New' });
	});
});
