/**
 * What `import … from 'obsidian'` resolves to inside the browser harness (esbuild alias).
 *
 * Everything is obsidian-test-mocks, the same double the unit tests use: its in-memory
 * App, Vault and MetadataCache, ItemView, Component, Platform, parseYaml… Only the pieces
 * whose mock is built for Node-side unit tests and cannot behave on a real page are
 * replaced here, each with the least Obsidian behaviour a user would see:
 *
 * - Modal: the mock never attaches to the document and closes itself on the next tick;
 *   here it opens as Obsidian's `.modal-container > .modal-bg + .modal` and stays open.
 * - Scope: the mock drops the handler functions, so Enter and Escape could never run;
 *   here the open modal's scope receives the modal's keydown events, as Obsidian's keymap does.
 * - Setting and its components: the mock stores callbacks without listening to the DOM
 *   (a real click or keystroke would be lost) and builds unstyled markup; here they are
 *   the mock components plus DOM listeners, inside Obsidian's `.setting-item` markup.
 *   Only the components Kindred's modals use (button, text, text area, dropdown).
 * - Notice: shown in Obsidian's `.notice-container` so a test can read it.
 *
 * No Kindred logic lives here.
 */
import * as mocks from 'obsidian-test-mocks/obsidian';
import type { App } from 'obsidian-test-mocks/obsidian';

export * from 'obsidian-test-mocks/obsidian';

type Modifier = 'Mod' | 'Ctrl' | 'Meta' | 'Shift' | 'Alt';
/** Returns false to take the event, as in Obsidian. */
type KeymapHandler = (evt: KeyboardEvent, ctx: { modifiers: string; key: string }) => unknown;
interface Registration {
	modifiers: Modifier[] | null;
	key: string | null;
	func: KeymapHandler;
}

/** Obsidian's keymap scope: handlers by modifiers and key, the first match wins. */
export class Scope {
	private readonly handlers: Registration[] = [];

	constructor(public parent?: Scope) {}

	register(modifiers: Modifier[] | null, key: string | null, func: KeymapHandler): Registration {
		const reg = { modifiers, key, func };
		this.handlers.push(reg);
		return reg;
	}

	unregister(handler: Registration): void {
		this.handlers.remove(handler);
	}

	/** True when a handler took the event (returned false), as Obsidian then prevents the default. */
	handle(evt: KeyboardEvent): boolean {
		const active: Modifier[] = [];
		if (evt.ctrlKey || evt.metaKey) active.push('Mod');
		if (evt.shiftKey) active.push('Shift');
		if (evt.altKey) active.push('Alt');
		for (const h of this.handlers) {
			if (h.key !== null && h.key.toLowerCase() !== evt.key.toLowerCase()) continue;
			if (h.modifiers !== null) {
				const want = h.modifiers.map((m) => (m === 'Ctrl' || m === 'Meta' ? 'Mod' : m)).sort().join(',');
				if (want !== [...active].sort().join(',')) continue;
			}
			const result = h.func(evt, { modifiers: active.join(','), key: evt.key });
			if (result === false) return true;
		}
		return this.parent?.handle(evt) ?? false;
	}
}

/** A modal on the page, in Obsidian's markup; Escape and the close button close it. */
export class Modal {
	app: App;
	scope = new Scope();
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;
	private closeCallback: (() => void) | null = null;
	private restoreFocus: Element | null = null;
	private isOpen = false;

	constructor(app: App) {
		this.app = app;
		this.containerEl = createDiv({ cls: 'modal-container mod-dim' });
		this.containerEl.createDiv({ cls: 'modal-bg' });
		this.modalEl = this.containerEl.createDiv({ cls: 'modal', attr: { role: 'dialog', 'aria-modal': 'true', tabindex: '-1' } });
		const close = this.modalEl.createDiv({
			cls: 'modal-close-button',
			attr: { role: 'button', tabindex: '0', 'aria-label': 'Close' },
		});
		close.addEventListener('click', () => this.close());
		this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
		this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
		this.scope.register([], 'Escape', () => {
			this.close();
			return false;
		});
		this.containerEl.addEventListener('keydown', (evt) => {
			if (this.scope.handle(evt)) evt.preventDefault();
		});
	}

	open(): void {
		this.restoreFocus = document.activeElement;
		document.body.appendChild(this.containerEl);
		this.isOpen = true;
		void this.onOpen();
		// Obsidian focuses the modal so its keymap scope is live before the user clicks.
		if (!this.modalEl.contains(document.activeElement)) this.modalEl.focus();
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.containerEl.detach();
		this.onClose();
		this.closeCallback?.();
		if (this.shouldRestoreSelection && this.restoreFocus instanceof HTMLElement) this.restoreFocus.focus();
	}

	onOpen(): void | Promise<void> {}
	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.empty();
		if (typeof content === 'string') this.contentEl.setText(content);
		else this.contentEl.appendChild(content);
		return this;
	}

	setCloseCallback(callback: () => void): this {
		this.closeCallback = callback;
		return this;
	}
}

/** Notices stack in Obsidian's container; tests read their text. */
export class Notice {
	noticeEl: HTMLElement;
	messageEl: HTMLElement;
	containerEl: HTMLElement;

	constructor(message: string | DocumentFragment, duration?: number) {
		let container = document.body.querySelector<HTMLElement>('.notice-container');
		container ??= document.body.createDiv({ cls: 'notice-container' });
		this.containerEl = container;
		this.noticeEl = container.createDiv({ cls: 'notice' });
		this.messageEl = this.noticeEl.createDiv({ cls: 'notice-message' });
		this.setMessage(message);
		// Kept on the page for the test to read unless a duration says otherwise.
		if (duration !== undefined && duration > 0) window.setTimeout(() => this.hide(), duration);
	}

	setMessage(message: string | DocumentFragment): this {
		this.messageEl.empty();
		if (typeof message === 'string') this.messageEl.setText(message);
		else this.messageEl.appendChild(message);
		return this;
	}

	hide(): void {
		this.noticeEl.detach();
	}
}

export class ButtonComponent extends mocks.ButtonComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl);
		this.buttonEl.addEventListener('click', () => this.simulateClick__());
	}
}

export class TextComponent extends mocks.TextComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl);
		this.inputEl.type = 'text';
		// setValue stores the value and runs the onChange callback; the text is already there.
		// (`void`: the mock components have a `then`, so TypeScript takes them for promises.)
		this.inputEl.addEventListener('input', () => void this.setValue(this.inputEl.value));
	}
}

export class TextAreaComponent extends mocks.TextAreaComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl);
		// setValue stores the value and runs the onChange callback; the text is already there.
		// (`void`: the mock components have a `then`, so TypeScript takes them for promises.)
		this.inputEl.addEventListener('input', () => void this.setValue(this.inputEl.value));
	}
}

export class DropdownComponent extends mocks.DropdownComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl);
		this.selectEl.addClass('dropdown');
		this.selectEl.addEventListener('change', () => this.simulateChange__());
	}
}

/** A settings row in Obsidian's markup, with components that listen to the DOM. */
export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: unknown[] = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
		this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
		this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
		this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
		this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.empty();
		this.nameEl.append(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.empty();
		this.descEl.append(desc);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass('setting-item-heading');
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass('is-disabled', disabled);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.nameEl.setAttr('aria-label', tooltip);
		return this;
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	private add<C>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
}
