import type { SiteConfig } from '../config/schema.ts';

/** The three conformity states of the RGAA, as the statement and the footer must name them. */
export type Conformity = 'none' | 'partial' | 'full';

/**
 * The site's RGAA conformity state from the configured audit: fully conformant at 100 % of
 * criteria met, partially from 50 %, not conformant below that or when no audit was made (the
 * kit's automated checks are no audit).
 * @see https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/
 */
export function conformity(config: SiteConfig): Conformity {
	const rate = config.accessibility.audit?.rate;
	if (rate === undefined || rate < 50) return 'none';
	return rate === 100 ? 'full' : 'partial';
}

/** Where readers report an accessibility problem: its own mailbox, else the organisation's. */
export function accessibilityContact(config: SiteConfig): string {
	return config.accessibility.contactEmail ?? config.organisation.contactEmail;
}
