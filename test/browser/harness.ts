/**
 * The browser harness page: Obsidian's right sidebar with Kindred's real due view in it,
 * wired the way the plugin wires it (the real PeopleIndex on an in-memory vault and
 * metadata cache, the real KindredActions, LogModal, SnoozeModal and NoteWriter).
 *
 * It holds no Kindred logic: it creates the notes it is given, starts the index, mounts
 * the view into `.workspace-leaf-content[data-type=kindred-due] > .view-content`, and
 * exposes `window.kindred` for the tests (mount, read a note back, wait until idle,
 * measure). Time comes from the page clock, which the tests freeze.
 */
import './page-setup';
import { addIcon, App, Platform, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import type { PaneType } from 'obsidian';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import { KindredActions } from '../../src/obsidian/actions';
import { DueView } from '../../src/obsidian/due-view';
import { PeopleIndex } from '../../src/obsidian/people-index';
import { NoteWriter } from '../../src/obsidian/writer';
import { contrastOf, overflowsIn, overlapsIn, targetSizes } from './page-checks';

// Obsidian ships Lucide; the test double starts with no icons. These are Lucide's
// own paths (ISC licence) for the icons Kindred asks for, so the icons are not blank.
const LUCIDE: Record<string, string> = {
	'chevron-down': '<path d="m6 9 6 6 6-6"/>',
	'alert-triangle': '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"/><path d="M12 9v4"/><path d="M12 17h.01"/>',
	users: '<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M22 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>',
};
for (const [id, paths] of Object.entries(LUCIDE)) {
	addIcon(
		id,
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="svg-icon lucide-${id}">${paths}</svg>`,
	);
}

export interface MountOptions {
	/** Vault-relative path → note text. */
	notes: Record<string, string>;
	theme: 'light' | 'dark';
	/** Phone: `body.is-mobile.is-phone`, the sidebar as a full-width drawer. */
	mobile: boolean;
	/** Sidebar width in pixels on desktop (Obsidian's default is about 300; a tab is wider). */
	paneWidth?: number;
	templatesFolder: string | null;
	/** Raw plugin settings (data.json); defaults when absent. */
	settings?: Partial<KindredSettings>;
}

export interface Opened {
	path: string;
	/** Keymap.isModEvent's answer: false, or 'tab', 'split' or 'window'. */
	newTab: PaneType | boolean;
}

/** What the plugin would have done outside the pane, recorded for the tests. */
interface Recorded {
	opened: Opened[];
	saved: number;
}

interface Mounted {
	app: App;
	index: PeopleIndex;
	writer: NoteWriter;
	view: DueView;
	settings: KindredSettings;
	record: Recorded;
}

let current: Mounted | null = null;

function need(): Mounted {
	if (current === null) throw new Error('nothing mounted: call kindred.mount() first');
	return current;
}

function sidebar(): HTMLElement {
	const el = document.body.querySelector<HTMLElement>('.mod-right-split');
	if (el === null) throw new Error('the harness page has no right sidebar');
	return el;
}

async function unmount(): Promise<void> {
	const m = current;
	current = null;
	document.body.querySelectorAll('.modal-container, .notice-container').forEach((el) => el.remove());
	if (m === null) return;
	await m.writer.idle();
	await m.view.onClose();
	m.view.unload();
	m.index.unload();
	sidebar().empty();
}

/** Build the vault, start the index, open the view; resolves once the pane is drawn. */
async function mount(opts: MountOptions): Promise<void> {
	await unmount();
	document.body.className = `theme-${opts.theme}`;
	if (opts.mobile) document.body.addClasses(['is-mobile', 'is-phone']);
	Platform.isMobile = Platform.isPhone = opts.mobile;
	Platform.isDesktop = Platform.isDesktopApp = !opts.mobile;
	sidebar().setCssProps({ '--harness-pane-width': `${opts.paneWidth ?? 320}px` });

	const settings: KindredSettings = { ...defaultSettings(), ...opts.settings };
	const getSettings = (): KindredSettings => settings;
	const now = (): Date => new Date();
	const app = App.createConfigured__({ files: opts.notes });
	const obsidianApp = app.asOriginalType__();

	const index = new PeopleIndex({
		app: obsidianApp,
		getSettings,
		templatesFolder: () => opts.templatesFolder,
		pause: () => Promise.resolve(),
	});
	index.load();
	index.start();
	// The plugin draws before the bodies are read; the harness waits for the background
	// pass so the pane shows what the command line (which reads every body) shows.
	await index.logsRead;

	const writer = new NoteWriter({ vault: obsidianApp.vault, getSettings, now });
	const record: Recorded = { opened: [], saved: 0 };
	const actions = new KindredActions({
		app: obsidianApp,
		index,
		writer,
		getSettings,
		saveSettings: () => {
			record.saved++;
			return Promise.resolve();
		},
		now,
	});

	// Obsidian's leaf markup: the view's containerEl is `.workspace-leaf-content`, its
	// contentEl `.view-content`, under a `.view-header` with the title.
	const leafEl = sidebar().createDiv({ cls: 'workspace-leaf mod-active' });
	const leaf = WorkspaceLeaf.create2__(app);
	const view = new DueView(leaf.asOriginalType3__(), {
		index,
		getSettings,
		now,
		openNote: (path, newTab) => record.opened.push({ path, newTab }),
		logTouchpoint: (path) => actions.logWith(path),
		snooze: (path) => actions.snoozeWith(path),
		showProblems: () => void actions.showProblems(),
	});
	const container = view.containerEl;
	container.addClass('workspace-leaf-content');
	container.setAttr('data-type', view.getViewType());
	const header = createDiv({ cls: 'view-header' });
	header.createDiv({ cls: 'view-header-title', text: view.getDisplayText() });
	container.prepend(header);
	view.contentEl.addClass('view-content');
	leafEl.appendChild(container);
	current = { app, index, writer, view, settings, record };
	view.load();
	await view.onOpen();
	await settled();
}

/** Resolve after `n` animation frames (the pane redraws on the next frame). */
async function frames(n: number): Promise<void> {
	for (let i = 0; i < n; i++) await new Promise((ok) => window.requestAnimationFrame(() => ok(null)));
}

/** Wait for queued writes, the index's background pass and two frames of redraws. */
async function settled(): Promise<void> {
	const m = need();
	await m.writer.idle();
	await m.index.logsRead;
	await frames(2);
}

async function noteText(path: string): Promise<string> {
	const { app } = need();
	const file = app.vault.getFileByPath(path);
	if (file === null) throw new Error(`no note at ${path}`);
	return app.vault.read(file);
}

function pane(): HTMLElement {
	const el = document.body.querySelector<HTMLElement>('.workspace-leaf-content[data-type="kindred-due"] > .view-content');
	if (el === null) throw new Error('the due view is not mounted');
	return el;
}

export interface PaneRow {
	name: string;
	path: string;
	/** The row's text after the name and buttons: when, cadence, last note or the problem. */
	meta: string;
}

export interface PaneSection {
	status: string;
	title: string;
	count: string;
	expanded: boolean;
	rows: PaneRow[];
}

export interface PaneState {
	summary: string;
	filter: string;
	sections: PaneSection[];
	/** The empty state's title and text, when it is shown. */
	empty: { title: string; text: string } | null;
}

/** The text a user can see: innerText leaves out what CSS hides (display: none). */
function text(el: Element | null): string {
	const raw = el instanceof HTMLElement ? el.innerText : (el?.textContent ?? '');
	return raw.replace(/\s+/g, ' ').trim();
}

/**
 * What the pane shows, read back from the DOM as a user would read it: section headers
 * and the rows under each, in document order (headers and rows are siblings in the list).
 * Only drawn items are read; the example vault's pane is short enough to be drawn whole.
 */
function read(): PaneState {
	const root = pane();
	const sections: PaneSection[] = [];
	for (const el of Array.from(root.querySelectorAll('.kindred-due-header, .kindred-due-row'))) {
		if (el.matches('.kindred-due-header')) {
			sections.push({
				status: el.getAttribute('data-section') ?? '',
				title: text(el.querySelector('.kindred-due-section-title')),
				count: text(el.querySelector('.kindred-due-count')),
				expanded: el.querySelector('[aria-expanded]')?.getAttribute('aria-expanded') === 'true',
				rows: [],
			});
			continue;
		}
		let section = sections[sections.length - 1];
		if (section === undefined) {
			// The list is windowed: scrolled down, the first drawn item can be a row whose
			// header is above the drawn slice. Its section is known from the row's class.
			const status = Array.from(el.classList).find((c) => c !== 'kindred-due-row' && c !== 'kindred-due-item') ?? '';
			section = { status: status.replace(/^kindred-due-/, ''), title: '', count: '', expanded: true, rows: [] };
			sections.push(section);
		}
		section.rows.push({
			name: text(el.querySelector('.kindred-due-name')),
			path: el.getAttribute('data-path') ?? '',
			meta: text(el.querySelector('.kindred-due-meta')),
		});
	}
	const emptyEl = root.querySelector('.kindred-due-empty');
	const emptyShown = emptyEl !== null && emptyEl.getBoundingClientRect().height > 0;
	return {
		summary: text(root.querySelector('.kindred-due-summary')),
		filter: root.querySelector<HTMLInputElement>('.kindred-due-filter')?.value ?? '',
		sections,
		empty: emptyShown ? { title: text(emptyEl.querySelector('.kindred-due-empty-title')), text: text(emptyEl) } : null,
	};
}

declare global {
	interface Window {
		kindred: typeof api;
	}
}

const api = {
	mount,
	unmount,
	settled,
	frames,
	noteText,
	read,
	opened: (): Opened[] => need().record.opened,
	savedSettings: (): number => need().record.saved,
	/** The channel the actions remembered in the settings after a log. */
	lastChannel: (): string => need().settings.lastChannel,
	notices: (): string[] => Array.from(document.body.querySelectorAll('.notice')).map((n) => n.textContent ?? ''),
	contrast: (selector: string) => contrastOf(pane(), selector),
	/** Overflow of the pane itself and of every element matching `selector` inside it. */
	overflow: (selector: string) => overflowsIn(pane(), selector),
	targets: (selector: string) => targetSizes(document.body, selector),
	/** Each drawn name: how wide it is shown and how wide it would be in full. */
	names: (): { name: string; shown: number; full: number }[] =>
		Array.from(pane().querySelectorAll<HTMLElement>('.kindred-due-row .kindred-due-name')).map((el) => ({
			name: el.textContent ?? '',
			shown: el.clientWidth,
			full: el.scrollWidth,
		})),
	/** Children of one row drawn over each other. */
	overlaps: (rowSelector: string) => overlapsIn(pane(), rowSelector),
};

window.kindred = api;
