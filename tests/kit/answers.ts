import type { InitAnswers } from '../../src/kit/init.ts';

/** A new organisation's answers, as `npm run kit -- init` asks them. */
export const saintAubin: InitAnswers = {
	name: { fr: 'Ville de Saint-Aubin', en: 'City of Saint-Aubin' },
	article: { fr: 'la', en: 'the' },
	website: 'https://www.saint-aubin.fr',
	contactEmail: 'ia@saint-aubin.fr',
	siteUrl: 'https://saint-aubin.github.io',
	base: '/registre-ia',
	owner: 'saint-aubin',
	repository: 'registre-ia',
	maintainers: '@saint-aubin/registre',
	ai: true,
	legal: {
		dpoEmail: 'dpo@saint-aubin.fr',
		address: '2 place de la Mairie, 35000 Saint-Aubin, France',
		phone: '02 99 00 00 01',
		identifier: { scheme: 'SIREN', value: '216901231' },
		director: {
			name: 'Camille Martin',
			role: { fr: 'maire de Saint-Aubin', en: 'Mayor of Saint-Aubin' },
		},
	},
};
