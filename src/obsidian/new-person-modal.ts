/**
 * Asks for a new person's name, checking it as it is typed; the caller creates the note.
 */
import { Modal, Setting } from 'obsidian';
import type { App } from 'obsidian';
import { personNameError } from './new-person';

export class NewPersonModal extends Modal {
	private readonly onSubmit: (name: string) => void;
	private nameEl: HTMLInputElement | null = null;
	private errorEl: HTMLElement | null = null;
	private done = false;

	constructor(app: App, onSubmit: (name: string) => void) {
		super(app);
		this.onSubmit = onSubmit;
	}

	onOpen(): void {
		this.setTitle('New person');
		const { contentEl } = this;
		contentEl.empty();
		contentEl.addClass('kindred-new-person-modal');
		new Setting(contentEl).setName('Name').addText((t) => {
			t.setPlaceholder('Their name');
			t.inputEl.setAttribute('aria-label', 'Name');
			this.nameEl = t.inputEl;
		});
		this.errorEl = contentEl.createDiv({ cls: 'kindred-modal-error', attr: { role: 'alert', 'aria-live': 'polite' } });
		const buttons = contentEl.createDiv({ cls: 'modal-button-container' });
		const create = buttons.createEl('button', { text: 'Create note', cls: 'mod-cta' });
		create.addEventListener('click', () => this.submit());
		this.nameEl?.addEventListener('input', () => {
			const value = this.nameEl?.value ?? '';
			this.errorEl?.setText(value.trim() === '' ? '' : personNameError(value) ?? '');
		});
		this.nameEl?.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' && !evt.isComposing) {
				evt.preventDefault();
				this.submit();
			}
		});
		window.setTimeout(() => this.nameEl?.focus(), 0);
	}

	submit(): boolean {
		if (this.done) return false;
		const name = this.nameEl?.value ?? '';
		const error = personNameError(name);
		if (error !== null) {
			this.errorEl?.setText(error);
			this.nameEl?.setAttribute('aria-invalid', 'true');
			return false;
		}
		this.done = true;
		this.close();
		this.onSubmit(name.trim());
		return true;
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
