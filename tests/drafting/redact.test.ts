import { describe, expect, it } from 'vitest';
import { redact } from '../../src/drafting/redact.ts';

describe('redact', () => {
	it.each([
		['email', 'Écrire à jeanne.dupont@clairval.example ou à j+ia@sous.domaine.fr', '[EMAIL]'],
		['French mobile', 'Appeler le 06 12 34 56 78.', '[PHONE]'],
		['French landline with dots', 'Standard : 01.23.45.67.89', '[PHONE]'],
		['French number in international form', 'Joignable au +33 6 12 34 56 78', '[PHONE]'],
		['international number', 'Call +44 20 7946 0958 today', '[PHONE]'],
		['IBAN with spaces', 'IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement', '[IBAN]'],
		['compact IBAN', 'DE89370400440532013000', '[IBAN]'],
		['NIR with spaces', 'Numéro de sécurité sociale 1 85 05 78 006 084 36', '[NIR]'],
		['compact NIR', 'NIR 285052A00608436', '[NIR]'],
		['IPv4', 'Serveur 192.168.10.42 en panne', '[IP]'],
		['IPv6', 'Adresse 2001:db8:85a3::8a2e:370:7334 du poste', '[IP]'],
	])('masks a %s', (_, text, placeholder) => {
		const { text: masked, counts } = redact(text);
		expect(masked).toContain(placeholder);
		expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	});

	it('removes every personal value and counts them by kind', () => {
		const text =
			'Contact : a.b@c.fr, 06 12 34 56 78, FR76 3000 6000 0112 3456 7890 189, 1 85 05 78 006 084 36, 10.0.0.1';
		const { text: masked, counts } = redact(text);
		expect(masked).toBe('Contact : [EMAIL], [PHONE], [IBAN], [NIR], [IP]');
		expect(counts).toEqual({ email: 1, phone: 1, iban: 1, nir: 1, ip: 1 });
	});

	it('leaves ordinary text, dates, versions and amounts alone', () => {
		const text =
			'Mistral Small 3.2, version 24B, mis en service le 2025-03-31, 1 200 courriers par mois, 4 096 jetons, modèle gpt-4.1-mini.';
		expect(redact(text)).toEqual({ text, counts: {} });
	});

	it('masks addresses that touch each other, or use letters outside the BMP', () => {
		expect(redact('a@b.fr_x@c.fr, 𝐚𝐛@exemple.fr').text).toBe('[EMAIL][EMAIL], [EMAIL]');
	});

	it('finds exactly the addresses the e-mail regex it replaced found', () => {
		// The former rule, quadratic on long runs without `@` but the reference for what matches.
		const former = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
		// No digit, colon or plus: the other rules then leave these strings alone.
		const alphabet = ['a', 'b', 'é', '𝐚', '@', '.', '-', '_', '%', ' ', '!'];
		let seed = 11;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
		for (let i = 0; i < 20_000; i++) {
			const length = Math.floor(random() * 14);
			const text = Array.from({ length }, () => alphabet[Math.floor(random() * 11)]).join('');
			expect(redact(text).text, JSON.stringify(text)).toBe(text.replace(former, '[EMAIL]'));
		}
	});

	it('rejects what only looks like an IP address', () => {
		expect(redact('Version 999.1.2.3').text).toBe('Version 999.1.2.3');
	});
});
