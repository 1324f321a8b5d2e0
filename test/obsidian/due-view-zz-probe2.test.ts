// @vitest-environment happy-dom
import { test } from 'vitest';
test('ops', () => {
	const host = document.body.createDiv();
	const best = (f: () => void): string => { let m = Infinity; for (let r = 0; r < 30; r++) { const t = performance.now(); f(); m = Math.min(m, performance.now() - t); } return (m * 1000).toFixed(1) + 'us'; };
	console.log('setProperty x1', best(() => host.style.setProperty('--a', `${Math.random()}px`)));
	console.log('setCssProps x1', best(() => host.setCssProps({ '--a': `${Math.random()}px` })));
	console.log('setAttribute x1', best(() => host.setAttribute('data-x', `${Math.random()}`)));
	console.log('createDiv detached x100', best(() => { const f = createFragment(); for (let i = 0; i < 100; i++) f.createDiv({ cls: 'a b', text: 'hi' }); }));
	console.log('createDiv+attr detached x100', best(() => { const f = createFragment(); for (let i = 0; i < 100; i++) f.createDiv({ cls: 'a b', text: 'hi', attr: { 'data-x': 'y' } }); }));
	console.log('raw createElement detached x100', best(() => { const f = document.createDocumentFragment(); for (let i = 0; i < 100; i++) { const e = document.createElement('div'); e.className = 'a b'; e.textContent = 'hi'; f.appendChild(e); } }));
	const tpl = document.createElement('div'); for (let i = 0; i < 8; i++) tpl.createSpan({ cls: 'x', text: 't' });
	console.log('cloneNode 9-el x10', best(() => { const f = document.createDocumentFragment(); for (let i = 0; i < 10; i++) f.appendChild(tpl.cloneNode(true)); }));
	console.log('build 9-el x10', best(() => { const f = createFragment(); for (let i = 0; i < 10; i++) { const d = f.createDiv(); for (let j = 0; j < 8; j++) d.createSpan({ cls: 'x', text: 't' }); } }));
	console.log('append frag 90 to live', best(() => { const f = createFragment(); for (let i = 0; i < 10; i++) { const d = f.createDiv(); for (let j = 0; j < 8; j++) d.createSpan({ cls: 'x', text: 't' }); } host.empty(); host.append(f); }));
});
