import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/load.ts';
import { entryKey, referencesTo } from '../../src/registry/references.ts';
import { sampleDir } from './helpers.ts';

describe('referencesTo', () => {
	it('lists, for each model, the systems that use it and how, sorted by system id', async () => {
		const registry = await loadRegistry(sampleDir);
		const inbound = referencesTo(registry);
		const uses = inbound.get(entryKey('models', 'mistral-small-3-2')) ?? [];
		expect(uses.map((use) => use.from.id)).toEqual([
			'assistant-redaction-registre',
			'clairval-repond',
			'synthese-concertations',
		]);
		const whisper = inbound.get(entryKey('models', 'whisper-large-v3'))?.[0];
		expect(whisper).toMatchObject({ from: { kind: 'systems' }, field: 'models', key: 'model' });
		expect((whisper?.item?.['usage'] as { en: string }).en).toMatch(
			/^Transcribes the meeting’s sound/,
		);
	});

	it('finds references outside lists of objects too, and leaves out entries nobody names', () => {
		const inbound = referencesTo({
			systems: [{ id: 'a', data: { models: [{ model: 'm', usage: { fr: 'x', en: 'x' } }] } }],
		});
		expect([...inbound.keys()]).toEqual(['models/m']);
		expect(referencesTo({ systems: [] }).size).toBe(0);
	});
});
