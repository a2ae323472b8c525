import { useTranslations } from '../i18n/ui.ts';
import type { Language } from '../registry/schemas/index.ts';

/*
 * The AI drafting's footprint in a reader's language, for the entry pages' provenance and the AI
 * assistant page's totals. The figures are orders of magnitude: two significant digits say all
 * they know.
 */

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * An estimated cost in its currency, « 0,0012 € », "€0.0012"; a total, summed over many drafts,
 * keeps a third digit.
 */
export function formatCost(amount: number, currency: string, lang: Language, digits = 2): string {
	return new Intl.NumberFormat(locales[lang], {
		style: 'currency',
		currency,
		maximumSignificantDigits: digits,
	}).format(amount);
}

/** Estimated energy, one figure or bounds: « de 0,2 à 0,6 Wh », "0.2 to 0.6 Wh". */
export function formatEnergy(energyWh: { min: number; max: number }, lang: Language): string {
	const t = useTranslations(lang);
	const wh = new Intl.NumberFormat(locales[lang], {
		minimumSignificantDigits: 2,
		maximumSignificantDigits: 2,
	});
	return energyWh.min === energyWh.max
		? t('footprint.wh', { value: wh.format(energyWh.min) })
		: t('footprint.whRange', { min: wh.format(energyWh.min), max: wh.format(energyWh.max) });
}
