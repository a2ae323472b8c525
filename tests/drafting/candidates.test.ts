import { describe, expect, it } from 'vitest';
import {
	maxCandidates,
	readChars,
	referenceCandidates,
	words,
	type Candidate,
} from '../../src/drafting/candidates.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { largeRegistry } from './large-registry.ts';

const sample = await loadRegistry('examples/clairval/registry');

/** The candidates of one kind for a text, against the sample registry or another. */
function candidates(text: string, kind: 'models' | 'datasets', registry = sample): Candidate[] {
	return referenceCandidates(text, registry, [kind])[kind];
}

describe('words', () => {
	it('reads lower case words without accents, split on punctuation and spaces', () => {
		expect(words('Relevé de l’état des chaussées — 2025, « BGE-M3 »\u00a0!')).toEqual([
			'releve',
			'de',
			'l',
			'etat',
			'des',
			'chaussees',
			'2025',
			'bge',
			'm3',
		]);
	});
});

describe('referenceCandidates', () => {
	it('finds an entry named by its id', () => {
		expect(candidates('Nous utilisons tesseract-5 pour lire les scans.', 'models')).toEqual([
			{ id: 'tesseract-5', named: true, score: expect.any(Number) },
		]);
	});

	it('finds an entry named by its whole name, whatever the case and accents', () => {
		const found = candidates('Le modèle MISTRAL small 3.2 rédige la réponse.', 'models');
		expect(found[0]).toMatchObject({ id: 'mistral-small-3-2', named: true });
		const dataset = candidates(
			'Nous lisons le releve de l’etat des chaussees de 2025 chaque matin.',
			'datasets',
		);
		expect(dataset[0]).toMatchObject({ id: 'auscultation-chaussees-2025', named: true });
	});

	it('finds an entry the issue resembles: most of the rare words of its id and name', () => {
		const found = candidates('La transcription passe par Whisper v3 sur nos serveurs.', 'models');
		expect(found).toEqual([{ id: 'whisper-large-v3', named: false, score: expect.any(Number) }]);
		expect(found[0]?.score).toBeGreaterThanOrEqual(0.5);
	});

	it('finds nothing from a word every entry shares, nor from unrelated text', () => {
		const registry = largeRegistry(sample, 312);
		// Every synthetic model is named after a sample model, with its number.
		expect(
			candidates('Nous utilisons Tesseract OCR pour lire les scans.', 'models', registry),
		).toEqual([]);
		expect(candidates('Le système répond aux usagers.', 'models')).toEqual([]);
	});

	it('tells numbered entries apart, and names the one the issue gives', () => {
		const registry = largeRegistry(sample, 312);
		const named = registry.models.find((entry) => entry.data.name.fr === 'Tesseract OCR 130');
		const found = candidates(
			'Nous utilisons Tesseract OCR 130 pour lire les scans.',
			'models',
			registry,
		);
		expect(found.filter((candidate) => candidate.named).map((c) => c.id)).toEqual([named?.id]);
	});

	it(`offers at most ${maxCandidates} entries of a kind, the named ones first`, () => {
		const registry = largeRegistry(sample, 312);
		const ids = registry.models.slice(0, 30).map((entry) => entry.id);
		const found = candidates(`Modèles : ${ids.join(', ')}.`, 'models', registry);
		expect(found).toHaveLength(maxCandidates);
		expect(found.every((candidate) => candidate.named)).toBe(true);
		expect(found.map((candidate) => candidate.id)).toEqual(ids.slice(0, maxCandidates));
	});

	it('reads only what a prompt can hold of the issue', () => {
		const padding = 'Le système répond. '.repeat(Math.ceil(readChars / 19));
		expect(candidates(`tesseract-5 ${padding}`, 'models')).toHaveLength(1);
		expect(candidates(`${padding} tesseract-5`, 'models')).toEqual([]);
	});

	it('finds a name among words the issue repeats, anchored on the rarest', () => {
		// Every word of the name, a thousand times, but in order only once.
		const noise = 'v3 large whisper '.repeat(500);
		const found = candidates(`${noise} Whisper large-v3. ${noise}`, 'models');
		expect(found).toEqual([{ id: 'whisper-large-v3', named: true, score: 1 }]);
		expect(candidates(noise, 'models')).toEqual([
			{ id: 'whisper-large-v3', named: false, score: 1 },
		]);
	});
});
