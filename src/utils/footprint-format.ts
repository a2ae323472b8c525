import { useTranslations } from '../i18n/ui.ts';
import type { Language } from '../registry/schemas/index.ts';

/*
 * The AI drafting's footprint in a reader's language, for the entry pages' provenance and the AI
 * assistant page's totals. The figures are orders of magnitude: two significant digits say all
 * they know. Formats are made once per language (and currency): entry pages call these thousands
 * of times in a build.
 */

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/** The number format for a key, made the first time it is asked for. */
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
	let format = formats.get(key);
	if (!format) {
		format = make();
		formats.set(key, format);
	}
	return format;
}

/**
 * An estimated cost in its currency, « 0,0012 € », "€0.0012"; a total, summed over many drafts,
 * keeps a third digit.
 */
export function formatCost(amount: number, currency: string, lang: Language, digits = 2): string {
	const format = cached(
		`cost:${lang}:${currency}:${digits}`,
		() =>
			new Intl.NumberFormat(locales[lang], {
				style: 'currency',
				currency,
				maximumSignificantDigits: digits,
			}),
	);
	return format.format(amount);
}

/** Estimated energy, one figure or bounds: « de 0,20 à 0,60 Wh », "0.20 to 0.60 Wh". */
export function formatEnergy(energyWh: { min: number; max: number }, lang: Language): string {
	const t = useTranslations(lang);
	const wh = cached(
		`wh:${lang}`,
		() =>
			new Intl.NumberFormat(locales[lang], {
				minimumSignificantDigits: 2,
				maximumSignificantDigits: 2,
			}),
	);
	return energyWh.min === energyWh.max
		? t('footprint.wh', { value: wh.format(energyWh.min) })
		: t('footprint.whRange', { min: wh.format(energyWh.min), max: wh.format(energyWh.max) });
}
