import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/drafting/personal-data.ts';

/** A system entry's data with personal data in several places, as a draft could hold it. */
const system = () => ({
	id: 'assistant',
	name: { fr: 'Assistant' },
	summary: { fr: 'Écrire à jeanne.dupont@clairval.example.' },
	humanOversight: { fr: 'Appeler le 06 12 34 56 78.', en: 'Call +33 6 12 34 56 78.' },
	contact: { email: 'ia@clairval.example', url: 'https://www.clairval.example/contact' },
	risks: [{ risk: { fr: 'Fuite' }, mitigation: { fr: 'Serveur 192.168.1.20 isolé.' } }],
	status: 'pilot',
	language: { original: 'fr', translation: 'missing' },
	provenance: { issue: 7, fields: {} },
});

describe('findPersonalData', () => {
	it('masks what the detectors find in every free text, and says where, in words', () => {
		const { data, found } = findPersonalData('systems', system(), { keep: false });
		expect(data['summary']).toEqual({ fr: 'Écrire à [EMAIL].' });
		expect(data['humanOversight']).toEqual({ fr: 'Appeler le [PHONE].', en: 'Call [PHONE].' });
		expect(data['risks']).toEqual([
			{ risk: { fr: 'Fuite' }, mitigation: { fr: 'Serveur [IP] isolé.' } },
		]);
		expect(found).toEqual([
			{ field: 'summary', label: { fr: 'Résumé', en: 'Summary' }, kinds: { email: 1 } },
			{
				field: 'humanOversight',
				label: { fr: 'Contrôle humain', en: 'Human oversight' },
				kinds: { phone: 2 },
			},
			{
				field: 'risks.0.mitigation',
				label: { fr: 'Risques et mesures › Mesure', en: 'Risks and mitigations › Mitigation' },
				kinds: { ip: 1 },
			},
		]);
	});

	it('leaves addresses and links typed as such, choices and what the drafting sets', () => {
		const { data } = findPersonalData('systems', system(), { keep: false });
		expect(data['contact']).toEqual(system().contact);
		expect(data['status']).toBe('pilot');
		expect(data['provenance']).toEqual(system().provenance);
	});

	it('keeps the values as typed when a person cleared them, and still lists them', () => {
		const { data, found } = findPersonalData('systems', system(), { keep: true });
		expect(data).toEqual(system());
		expect(found).toHaveLength(3);
	});

	it('reads a list of texts as one field', () => {
		const dataset = {
			categories: [{ fr: 'Noms' }, { fr: 'Téléphones, par ex. 01 23 45 67 89' }],
		};
		const { data, found } = findPersonalData('datasets', dataset, { keep: false });
		expect(data['categories']).toEqual([{ fr: 'Noms' }, { fr: 'Téléphones, par ex. [PHONE]' }]);
		expect(found.map((item) => item.field)).toEqual(['categories']);
	});

	it('does not change the data it is given', () => {
		const input = system();
		findPersonalData('systems', input, { keep: false });
		expect(input).toEqual(system());
	});
});
