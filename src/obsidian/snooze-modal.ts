/**
 * Snooze a person: one week, one month, or until a date. Collects the date only; the
 * caller writes `snooze_until` through the writer.
 */
import { Modal, Setting } from 'obsidian';
import type { App } from 'obsidian';
import { addDaysLocal, addMonthsLocal, diffDays, isLocalDate } from '../core/dates';
import type { LocalDate } from '../core/types';

export interface SnoozeModalOptions {
	personName: string;
	/** Asked when the modal opens (the offered dates) and again on a choice: it may be open across midnight. */
	today: () => LocalDate;
	onSubmit: (until: LocalDate) => void;
}

export type SnoozeChoice = 'week' | 'month';

export function snoozeUntil(choice: SnoozeChoice, today: LocalDate): LocalDate {
	return choice === 'week' ? addDaysLocal(today, 7) : addMonthsLocal(today, 1);
}

/** Null when `value` is a date after today, else the message to show. */
export function snoozeDateError(value: string, today: LocalDate): string | null {
	const v = value.trim();
	if (v === '') return 'Pick the date to snooze until.';
	if (!isLocalDate(v)) return `"${v}" is not a real date; use yyyy-mm-dd.`;
	if (diffDays(v, today) <= 0) return 'Pick a date after today.';
	return null;
}

export class SnoozeModal extends Modal {
	private readonly options: SnoozeModalOptions;
	private dateEl: HTMLInputElement | null = null;
	private errorEl: HTMLElement | null = null;
	private done = false;

	constructor(app: App, options: SnoozeModalOptions) {
		super(app);
		this.options = options;
	}

	onOpen(): void {
		const { personName } = this.options;
		const today = this.options.today();
		this.setTitle(`Snooze ${personName}`);
		const { contentEl } = this;
		contentEl.empty();
		contentEl.addClass('kindred-snooze-modal');

		const quick = contentEl.createDiv({ cls: 'modal-button-container kindred-snooze-quick' });
		const week = quick.createEl('button', { text: 'One week' });
		week.addEventListener('click', () => this.choose(snoozeUntil('week', this.options.today())));
		const month = quick.createEl('button', { text: 'One month' });
		month.addEventListener('click', () => this.choose(snoozeUntil('month', this.options.today())));

		new Setting(contentEl).setName('Until a date').addText((t) => {
			t.inputEl.type = 'date';
			t.inputEl.min = addDaysLocal(today, 1);
			t.inputEl.setAttribute('aria-label', 'Snooze until');
			t.setValue(addDaysLocal(today, 14));
			this.dateEl = t.inputEl;
		});
		this.errorEl = contentEl.createDiv({ cls: 'kindred-modal-error', attr: { role: 'alert', 'aria-live': 'polite' } });

		const buttons = contentEl.createDiv({ cls: 'modal-button-container' });
		const submit = buttons.createEl('button', { text: 'Snooze until date', cls: 'mod-cta' });
		submit.addEventListener('click', () => this.submitDate());
		this.dateEl?.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' && !evt.isComposing) {
				evt.preventDefault();
				this.submitDate();
			}
		});
	}

	submitDate(): boolean {
		const value = this.dateEl?.value ?? '';
		const error = snoozeDateError(value, this.options.today());
		if (error !== null) {
			this.errorEl?.setText(error);
			this.dateEl?.setAttribute('aria-invalid', 'true');
			return false;
		}
		return this.choose(value.trim());
	}

	private choose(until: LocalDate): boolean {
		if (this.done) return false;
		this.done = true;
		this.close();
		this.options.onSubmit(until);
		return true;
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
