// @vitest-environment happy-dom
import { test } from 'vitest';
import { App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { Roster } from '../../src/core/roster';
import { defaultSettings } from '../../src/core/settings';
import type { Person } from '../../src/core/types';
import { DueView } from '../../src/obsidian/due-view';
import { PersonBuilder } from '../builders';

test('measure first paint at 10,000', async () => {
	const settings = defaultSettings();
	const roster = new Roster();
	for (let i = 0; i < 10_000; i++) {
		const p: Person = new PersonBuilder(`People/Person ${i}.md`, settings)
			.trust(1 + (i % 5))
			.lastContact(`2026-${String(1 + ((i * 7) % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`)
			.circles([`c${i % 40}`])
			.entry('2026-01-01', { text: `Note ${i} about something we talked about at length` })
			.build();
		roster.upsert(p);
	}
	const today = '2026-11-23';
	let listMs = 0;
	const index = {
		revision: 1, ready: true, get peopleCount() { return roster.size; },
		dueList: (t: string, all = false) => { const t0 = performance.now(); const l = roster.dueList(t, settings, { all }); listMs = performance.now() - t0; return l; },
		onChange: () => () => {}, searchedDescription: () => 'x',
	};
	const now = () => new Date(2026, 10, 23, 9);
	const app = App.createConfigured__();
	const times: number[] = [];
	const cpu: number[] = [];
	const listTimes: number[] = [];
	let nodes = 0, elements = 0, rows = 0;
	for (let run = 0; run < 60; run++) {
		const leaf = WorkspaceLeaf.create2__(app);
		const view = new DueView(leaf.asOriginalType3__(), { index, getSettings: () => settings, now, openNote() {}, logTouchpoint() {}, snooze() {} }, 300_000);
		view.containerEl.isShown = () => true;
		document.body.appendChild(view.containerEl);
		view.load();
		(globalThis as unknown as { gc?: () => void }).gc?.();
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		await view.onOpen();
		const t1 = performance.now();
		const c1 = process.cpuUsage(c0);
		times.push(t1 - t0);
		cpu.push((c1.user + c1.system) / 1000);
		listTimes.push(listMs);
		const w = document.createTreeWalker(view.containerEl, NodeFilter.SHOW_ALL); nodes = 1; while (w.nextNode()) nodes++;
		elements = view.containerEl.querySelectorAll('*').length + 1;
		rows = view.containerEl.querySelectorAll('.kindred-due-row').length;
		await view.onClose(); view.unload(); view.containerEl.remove();
	}
	const { buildDueModel } = await import('../../src/obsidian/due-rows');
	const list = roster.dueList(today, settings);
	const bt: number[] = [];
	for (let i = 0; i < 10; i++) { (globalThis as unknown as { gc?: () => void }).gc?.(); const t0 = performance.now(); buildDueModel(list, '', new Set()); bt.push(performance.now() - t0); }
	console.log('buildDueModel', bt.map((x) => x.toFixed(2)).join(' '));
	const bt2: number[] = [];
	for (let i = 0; i < 10; i++) { (globalThis as unknown as { gc?: () => void }).gc?.(); const t0 = performance.now(); buildDueModel(list, 'c12', new Set()); bt2.push(performance.now() - t0); }
	console.log('buildDueModel filter', bt2.map((x) => x.toFixed(2)).join(' '));
	console.log('cpu', cpu.map((x) => x.toFixed(1)).join(' '));
	console.log('all', times.map((x) => x.toFixed(1)).join(' '));
	const warm = times.slice(10).sort((a, b) => a - b);
	console.log('first paint ms: cold', times[0].toFixed(2), 'median(warm 50)', warm[25].toFixed(2), 'min', warm[0].toFixed(2), 'max', warm[warm.length - 1].toFixed(2));
	console.log('of which index.dueList (cached by roster)', listTimes.slice(5).sort((a, b) => a - b)[10].toFixed(3), 'first', listTimes[0].toFixed(2));
	console.log('dom nodes', nodes, 'elements', elements, 'rows', rows, 'action list', roster.dueList(today, settings).length);
}, 300_000);
