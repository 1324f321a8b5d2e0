/**
 * The "log a touchpoint" modal: date (today by default), channel (the last one used),
 * a short note, and whether you gave, received or neither. Enter submits from any
 * field, the note included; Escape cancels (Obsidian's modal scope). It collects and
 * checks input and hands the entry to the caller, which writes the note through the
 * writer; the modal closes once that write succeeded. A refused or failed write leaves it
 * open with everything typed and the reason shown, so nothing typed is lost.
 */
import { Modal, Setting } from 'obsidian';
import type { App } from 'obsidian';
import { diffDays, isLocalDate } from '../core/dates';
import type { KindredSettings } from '../core/settings';
import type { LocalDate, LogEntry } from '../core/types';
import { isButton } from './dom';

export interface LogModalOptions {
	personName: string;
	settings: Pick<KindredSettings, 'channels' | 'lastChannel' | 'linkDates'>;
	/** Asked when the modal opens (the default date) and again on submit: it may be open across midnight. */
	today: () => LocalDate;
	/** Writes the entry (and remembers the channel); the modal closes when it succeeded. */
	onSubmit: (entry: LogEntry) => Promise<SubmitOutcome>;
}

/** What became of a submitted entry: the writer's result has this shape. */
export type SubmitOutcome = { ok: true } | { ok: false; error: string };

/** Null when `value` can date a touchpoint on `today`, else the message to show. */
export function touchpointDateError(value: string, today: LocalDate): string | null {
	const v = value.trim();
	if (v === '') return 'Enter the date of the touchpoint.';
	if (!isLocalDate(v)) return `"${v}" is not a real date; use yyyy-mm-dd.`;
	if (diffDays(v, today) > 0) return 'A touchpoint cannot be dated after today.';
	return null;
}

export class LogModal extends Modal {
	private readonly options: LogModalOptions;
	private dateEl: HTMLInputElement | null = null;
	private channelEl: HTMLSelectElement | null = null;
	private noteEl: HTMLTextAreaElement | null = null;
	private exchangeEl: HTMLSelectElement | null = null;
	private errorEl: HTMLElement | null = null;
	private submitEl: HTMLButtonElement | null = null;
	/** True from a submit until its write ends: a second Enter does not log twice. */
	private busy = false;

	constructor(app: App, options: LogModalOptions) {
		super(app);
		this.options = options;
	}

	onOpen(): void {
		const { personName, settings } = this.options;
		const today = this.options.today();
		this.setTitle(`Log a touchpoint with ${personName}`);
		const { contentEl } = this;
		contentEl.empty();
		contentEl.addClass('kindred-log-modal');

		new Setting(contentEl).setName('Date').addText((t) => {
			t.inputEl.type = 'date';
			t.inputEl.max = today;
			// Open across midnight, the picker offers the new today too.
			t.inputEl.addEventListener('focus', () => (t.inputEl.max = this.options.today()));
			t.inputEl.setAttribute('aria-label', 'Date');
			t.setValue(today);
			this.dateEl = t.inputEl;
		});

		new Setting(contentEl).setName('Channel').addDropdown((d) => {
			d.addOption('', 'None');
			for (const c of settings.channels) d.addOption(c, c);
			if (settings.lastChannel !== '' && !settings.channels.includes(settings.lastChannel)) {
				d.addOption(settings.lastChannel, settings.lastChannel);
			}
			d.setValue(settings.lastChannel);
			d.selectEl.setAttribute('aria-label', 'Channel');
			this.channelEl = d.selectEl;
		});

		// Two lines across the whole modal, so a long note stays in view as it is typed.
		// Still one log line: Enter submits (below) and line breaks are joined on submit.
		new Setting(contentEl)
			.setName('Note')
			.setClass('kindred-log-note-setting')
			.addTextArea((t) => {
				t.setPlaceholder('What did you talk about?');
				t.inputEl.rows = 2;
				t.inputEl.setAttribute('aria-label', 'Note');
				t.inputEl.addClass('kindred-log-note');
				this.noteEl = t.inputEl;
			});

		new Setting(contentEl)
			.setName('Exchange')
			.setDesc('Give before you receive.')
			.addDropdown((d) => {
				d.addOption('', 'Neither');
				d.addOption('gave', 'I gave something');
				d.addOption('received', 'I received something');
				d.setValue('');
				d.selectEl.setAttribute('aria-label', 'Exchange');
				this.exchangeEl = d.selectEl;
			});

		this.errorEl = contentEl.createDiv({ cls: 'kindred-modal-error', attr: { role: 'alert', 'aria-live': 'polite' } });

		const buttons = contentEl.createDiv({ cls: 'modal-button-container' });
		const submit = buttons.createEl('button', { text: 'Log touchpoint', cls: 'mod-cta' });
		submit.addEventListener('click', () => void this.submit());
		this.submitEl = submit;
		const cancel = buttons.createEl('button', { text: 'Cancel' });
		cancel.addEventListener('click', () => this.close());

		// Enter submits from every field, the note included; the buttons handle their own.
		contentEl.addEventListener('keydown', (evt) => {
			if (evt.key !== 'Enter' || evt.isComposing || isButton(evt.target)) return;
			evt.preventDefault();
			void this.submit();
		});
		window.setTimeout(() => this.noteEl?.focus(), 0);
	}

	/** Check the fields and write the entry; true when it was written and the modal closed. */
	async submit(): Promise<boolean> {
		if (this.busy) return false;
		const date = this.dateEl?.value ?? '';
		const error = touchpointDateError(date, this.options.today());
		if (error !== null) {
			this.errorEl?.setText(error);
			this.dateEl?.setAttribute('aria-invalid', 'true');
			return false;
		}
		// The date reads now; the modal may stay open (a refused write), so say so.
		this.dateEl?.removeAttribute('aria-invalid');
		const exchange = this.exchangeEl?.value;
		const entry: LogEntry = {
			date: date.trim(),
			linked: this.options.settings.linkDates,
			channel: this.channelEl?.value ? this.channelEl.value : null,
			exchange: exchange === 'gave' || exchange === 'received' ? exchange : null,
			// One log line: line breaks would split the entry.
			text: (this.noteEl?.value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim(),
		};
		this.busy = true;
		this.errorEl?.setText('');
		this.submitEl?.setAttr('disabled', true);
		const outcome = await this.options.onSubmit(entry);
		if (outcome.ok) {
			this.close();
			return true;
		}
		// Refused (the note changed meanwhile, say) or not written: keep what was typed.
		this.busy = false;
		this.submitEl?.removeAttribute('disabled');
		this.errorEl?.setText(outcome.error);
		return false;
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
