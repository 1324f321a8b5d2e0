/**
 * Builds the elements for one item of the due pane: a section header or a person row.
 * Rows carry no listeners; their buttons name what they do in `data-kindred-action` and
 * the view handles every click in one delegated listener, so drawing a row is only
 * element creation. Words come from core (describeDue) and due-rows; nothing here
 * decides who is due.
 */
import { setIcon } from 'obsidian';
import { describeDue } from '../core/words';
import { countOf, lastNoteDisplay, problemDisplay, trustDisplay, type DueItem, type HeaderItem, type RowItem } from './due-rows';

export type DueAction = 'open' | 'log' | 'snooze' | 'toggle';

/** Attribute naming what a control does; read by the view's delegated click handler. */
export const ACTION_ATTR = 'data-kindred-action';

function drawHeader(parent: Node, item: HeaderItem): HTMLElement {
	const el = parent.createDiv({
		cls: 'kindred-due-item kindred-due-header',
		attr: { role: 'heading', 'aria-level': '3', 'data-section': item.section },
	});
	const button = el.createEl('button', {
		cls: 'kindred-due-toggle',
		attr: {
			[ACTION_ATTR]: 'toggle',
			'aria-expanded': item.collapsed ? 'false' : 'true',
		},
	});
	setIcon(button.createSpan({ cls: 'kindred-due-chevron' }), 'chevron-down');
	button.createSpan({ cls: 'kindred-due-section-title', text: item.title });
	button.createSpan({ cls: 'kindred-due-count', text: item.count.toLocaleString('en') });
	if (item.collapsed) el.addClass('is-collapsed');
	return el;
}

/** What a row shows depends on besides its person. */
export interface DrawOptions {
	/**
	 * False while the index's start-up pass is still reading note bodies: a row without a
	 * logged note then says the log is being read, not that there is none.
	 */
	logsRead: boolean;
	/** The snooze property's name: on a row that needs attention, Snooze shows only when that is what cannot be read (a new snooze fixes it). */
	snoozeKey: string;
}

function drawRow(parent: Node, item: RowItem, opts: DrawOptions): HTMLElement {
	const sp = item.sp;
	const p = sp.person;
	const el = parent.createDiv({
		cls: `kindred-due-item kindred-due-row kindred-due-${sp.status}`,
		attr: { 'data-path': p.path },
	});
	el.createEl('button', {
		cls: 'kindred-due-name',
		text: p.name,
		attr: { [ACTION_ATTR]: 'open', title: p.path },
	});
	el.createEl('button', {
		cls: 'kindred-due-action',
		text: 'Log',
		attr: { [ACTION_ATTR]: 'log', 'aria-label': `Log a touchpoint with ${p.name}` },
	});
	// A note with a value that cannot be read stays under "Needs attention" snoozed or
	// not: it is fixed in the note, opened by name. Unless the snooze date is what cannot
	// be read: a new snooze writes over it.
	if (sp.status !== 'invalid' || sp.problems.some((pr) => pr.field === opts.snoozeKey)) {
		el.createEl('button', {
			cls: 'kindred-due-action',
			text: 'Snooze',
			attr: { [ACTION_ATTR]: 'snooze', 'aria-label': `Snooze ${p.name}` },
		});
	} else {
		// Holds the button's place, unseen and unheard, so Log lines up with every other row's.
		el.createSpan({ cls: 'kindred-due-action kindred-due-placeholder', text: 'Snooze', attr: { 'aria-hidden': 'true' } });
	}

	const meta = el.createDiv({ cls: 'kindred-due-meta' });
	if (sp.status === 'invalid') {
		const problem = problemDisplay(sp);
		meta.createSpan({
			cls: 'kindred-due-problem',
			text: problem?.text ?? describeDue(sp),
			attr: problem ? { title: problem.title } : undefined,
		});
		return el;
	}
	meta.createSpan({ cls: 'kindred-due-when', text: describeDue(sp) });
	// A problem that does not stop the schedule (a log line that could not be read, an
	// alias list that is not one) is still shown, never dropped silently: counted on the
	// row as a warning sign and a number, each one in the accessible name, which Obsidian
	// also shows as the tooltip (a title would draw a second one over it). Right after
	// "how late", so it is never what a narrow pane cuts.
	const problem = problemDisplay(sp);
	if (problem) {
		const count = countOf(sp.problems.length, 'problem', 'problems');
		const warning = meta.createSpan({
			cls: 'kindred-due-warning',
			attr: { role: 'img', 'aria-label': `${count}: ${problem.title.split('\n').join('; ')}` },
		});
		setIcon(warning.createSpan({ cls: 'kindred-due-warning-icon' }), 'alert-triangle');
		warning.createSpan({ text: String(sp.problems.length) });
	}
	// Then the cadence and the trust stars. In a narrow pane the stars give way first,
	// shown whole or not at all, then the cadence, cut with an ellipsis (styles.css).
	const trust = trustDisplay(p.trust);
	if (p.cadence || trust) {
		const schedule = meta.createSpan({ cls: 'kindred-due-schedule' });
		if (p.cadence) {
			schedule.createSpan({
				cls: 'kindred-due-cadence',
				text: p.cadence.label,
				attr: p.cadenceSource === 'trust' ? { title: `Cadence from trust ${p.trust ?? ''}`.trim() } : undefined,
			});
		}
		if (trust) schedule.createSpan({ cls: 'kindred-due-trust', text: trust.stars, attr: { role: 'img', 'aria-label': trust.label } });
	}
	// The last conversation, on a line of its own (styles.css); without one, say so, so
	// every row has the same three lines and names line up down the list.
	const note = lastNoteDisplay(sp);
	if (note) meta.createSpan({ cls: 'kindred-due-note', text: note.text, attr: { title: note.title } });
	else meta.createSpan({ cls: 'kindred-due-note kindred-due-no-log', text: opts.logsRead ? 'No touchpoints logged yet' : 'Reading the log…' });
	return el;
}

/** Draw one item into `parent` (an element or a detached fragment) and return its root. */
export function drawDueItem(parent: Node, item: DueItem, opts: DrawOptions): HTMLElement {
	return item.kind === 'header' ? drawHeader(parent, item) : drawRow(parent, item, opts);
}
