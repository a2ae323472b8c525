import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/load.ts';
import { usedBy } from '../../src/registry/used-by.ts';
import { sampleDir } from './helpers.ts';

describe('usedBy', () => {
	it('lists, for each model, the systems that use it and how, sorted by system id', async () => {
		const registry = await loadRegistry(sampleDir);
		const uses = usedBy(registry);
		expect(uses.get('mistral-small-3-2')?.map((use) => use.system)).toEqual([
			'assistant-redaction-registre',
			'clairval-repond',
			'synthese-concertations',
		]);
		expect(uses.get('whisper-large-v3')?.[0]?.usage.en).toMatch(/^Transcribes the meeting’s sound/);
	});

	it('leaves out models no system uses', () => {
		const uses = usedBy({ systems: [] });
		expect(uses.size).toBe(0);
	});
});
