/**
 * Filling in the template for a new person: every {{title}}, {{date}} and {{time}} once,
 * in one pass, whatever the name holds.
 */
import { describe, expect, it } from 'vitest';
import { personNoteText, templateError } from '../../src/obsidian/new-person';
import { settingsWith } from '../builders';

describe('the template for new people', () => {
	const template = '---\ncreated: {{DATE}}\n---\n# {{ title }}\nAt {{time}}.\n';

	it.each([
		['Ana Ruiz', '# Ana Ruiz\n'],
		["Ke$$ha $& $'x", "# Ke$$ha $& $'x\n"],
		// A name that holds a placeholder is the name, not filled in a second time.
		['Ana {{date}}', '# Ana {{date}}\n'],
	])('fills %j as written', (name, heading) => {
		const text = personNoteText(name, settingsWith(), '2026-11-23', template, '09:05');
		expect(text).toBe(`---\ncreated: 2026-11-23\n---\n${heading}At 09:05.\n`);
	});

	it('refuses a date or time in a format of its own, naming it', () => {
		expect(templateError('x {{date:YYYY-MM-DD}} y')).toBe('it asks for {{date:YYYY-MM-DD}}, a format Kindred cannot fill in; use {{date}} instead');
		expect(templateError('{{ time : HH }}')).toBe('it asks for {{ time : HH }}, a format Kindred cannot fill in; use {{time}} instead');
		expect(templateError(template)).toBeNull();
	});
});
