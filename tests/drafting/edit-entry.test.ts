import { describe, expect, it } from 'vitest';
import { editEntryText } from '../../src/drafting/edit-entry.ts';
import { isProblem, parseEntryFile } from '../../src/registry/entry-file.ts';

/** Corrections rewrite only the fields they change; every other byte of the file stays. */

const order = ['id', 'name', 'summary', 'status', 'endDate', 'models', 'review', 'provenance'];

// A person's file: a comment, a quoted string, a flow list, a body.
const file = `---
id: tri-courrier
# Named by the mail team.
name: { fr: Tri du courrier, en: Mail sorting }
summary:
  fr: "Propose le service : un agent valide."
  en: Suggests the department; an officer confirms.
status: in-use # since 2024
models: [{ model: m, usage: { fr: Lit, en: Reads } }]
review:
  next: 2027-01-15
---

Notes *as written*.
`;

describe('editing an entry file field by field', () => {
	it('rewrites a changed field in place and keeps every other line', () => {
		const edited = editEntryText(file, { status: 'retired' }, order);
		expect(edited).toBe(file.replace('status: in-use # since 2024\n', 'status: retired\n'));
	});

	it('puts a new field where the schema orders it, and removes one set to undefined', () => {
		const edited = editEntryText(file, { endDate: '2026-02-27', review: undefined }, order);
		expect(edited).toContain('status: in-use # since 2024\nendDate: 2026-02-27\nmodels: [');
		expect(edited).not.toContain('review:');
		expect(edited).toContain('# Named by the mail team.\nname: { fr: Tri du courrier');
		expect(edited.endsWith('---\n\nNotes *as written*.\n')).toBe(true);
	});

	it('writes a value that could break out of its field as data', () => {
		const summary = { fr: 'a\n---\nb: c', en: 'x: y' };
		const edited = editEntryText(file, { summary }, order);
		const read = parseEntryFile('entry.mdx', edited);
		if (isProblem(read)) throw new Error(read.message.en);
		expect(read.data).toMatchObject({ summary, status: 'in-use' });
		expect(read.body).toBe('\nNotes *as written*.\n');
		expect(edited).toContain('id: tri-courrier\n# Named by the mail team.');
		expect(edited).toContain('status: in-use # since 2024');
	});

	it('appends a field the schema puts last', () => {
		const edited = editEntryText(file, { provenance: { revisions: [] } }, order);
		expect(edited).toContain('review:\n  next: 2027-01-15\nprovenance:\n  revisions: []\n---\n');
	});
});
