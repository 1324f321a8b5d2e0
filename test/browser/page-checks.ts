/**
 * Measurements taken inside the page, from what Chromium laid out and computed: colour
 * contrast (WCAG 2 relative luminance), horizontal overflow and tap-target sizes. They
 * live in the bundle rather than in `page.evaluate` callbacks so the tests pass only
 * selectors across, and so the arithmetic is ordinary, type-checked code.
 */

export interface Rgba {
	r: number;
	g: number;
	b: number;
	a: number;
}

/** Chromium serialises computed colours as rgb()/rgba() or, for color-mix and friends, color(srgb …). */
export function parseColor(css: string): Rgba | null {
	const s = css.trim();
	if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
	let m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
	if (m) {
		return { r: +m[1], g: +m[2], b: +m[3], a: alpha(m[4]) };
	}
	m = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(s);
	if (m) {
		return { r: +m[1] * 255, g: +m[2] * 255, b: +m[3] * 255, a: alpha(m[4]) };
	}
	return null;
}

function alpha(v: string | undefined): number {
	if (v === undefined) return 1;
	return v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
}

/** `top` drawn over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
	const a = top.a;
	return {
		r: top.r * a + bottom.r * (1 - a),
		g: top.g * a + bottom.g * (1 - a),
		b: top.b * a + bottom.b * (1 - a),
		a: 1,
	};
}

function channel(c: number): number {
	const s = c / 255;
	return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

export function luminance(c: Rgba): number {
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
	const la = luminance(a);
	const lb = luminance(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour actually behind `el`: its own background and every ancestor's, composited
 * from the page (opaque white canvas) upwards, so a translucent hover or accent tint
 * counts as what it looks like.
 */
export function effectiveBackground(el: Element): Rgba {
	const layers: Rgba[] = [];
	for (let node: Element | null = el; node; node = node.parentElement) {
		const c = parseColor(getComputedStyle(node).backgroundColor);
		if (c && c.a > 0) {
			layers.push(c);
			if (c.a >= 1) break;
		}
	}
	let bg: Rgba = { r: 255, g: 255, b: 255, a: 1 };
	for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
	return bg;
}

/** Product of the opacities of `el` and its ancestors. */
function cumulativeOpacity(el: Element): number {
	let o = 1;
	for (let node: Element | null = el; node; node = node.parentElement) o *= parseFloat(getComputedStyle(node).opacity);
	return o;
}

export interface ContrastSample {
	selector: string;
	text: string;
	color: string;
	background: string;
	ratio: number;
}

function hex(c: Rgba): string {
	return '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

/** Contrast of the text of every visible element matching `selector` within `root`. */
export function contrastOf(root: Element, selector: string): ContrastSample[] {
	const out: ContrastSample[] = [];
	for (const el of Array.from(root.querySelectorAll(selector))) {
		const text = (el.textContent ?? '').trim();
		const rect = el.getBoundingClientRect();
		if (text === '' || rect.width === 0 || rect.height === 0) continue;
		const parsed = parseColor(getComputedStyle(el).color);
		if (!parsed) throw new Error(`cannot read the colour ${getComputedStyle(el).color} of ${selector}`);
		const bg = effectiveBackground(el);
		const fg = over({ ...parsed, a: parsed.a * cumulativeOpacity(el) }, bg);
		out.push({ selector, text: text.slice(0, 40), color: hex(fg), background: hex(bg), ratio: Math.round(contrastRatio(fg, bg) * 100) / 100 });
	}
	return out;
}

export interface Overflow {
	what: string;
	scrollWidth: number;
	clientWidth: number;
}

function describe(el: Element): string {
	const cls = typeof el.className === 'string' && el.className !== '' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
	const text = (el.textContent ?? '').trim().slice(0, 30);
	return `${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
}

/**
 * Elements matching `selector` whose content is wider than their box (scrollWidth >
 * clientWidth) or that stick out past the right edge of `bounds`. One pixel of
 * tolerance for sub-pixel rounding.
 */
export function overflowsIn(bounds: Element, selector: string): Overflow[] {
	const edge = bounds.getBoundingClientRect();
	const out: Overflow[] = [];
	const candidates = [bounds, ...Array.from(bounds.querySelectorAll(selector))];
	for (const el of candidates) {
		if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden') {
			out.push({ what: describe(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
		}
		const r = el.getBoundingClientRect();
		if (r.width > 0 && (r.right > edge.right + 1 || r.left < edge.left - 1)) {
			out.push({ what: `${describe(el)} sticks out (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(edge.left)}–${Math.round(edge.right)})`, scrollWidth: Math.round(r.width), clientWidth: Math.round(edge.width) });
		}
	}
	return out;
}

export interface TargetSize {
	what: string;
	width: number;
	height: number;
}

/** The rendered size of every visible element matching `selector`. */
export function targetSizes(root: Element, selector: string): TargetSize[] {
	return Array.from(root.querySelectorAll(selector))
		.map((el) => ({ el, r: el.getBoundingClientRect() }))
		.filter(({ r }) => r.width > 0 && r.height > 0)
		.map(({ el, r }) => ({ what: describe(el), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 }));
}

export interface Overlap {
	row: string;
	a: string;
	b: string;
}

/**
 * Pairs of visible children of each `rowSelector` element whose boxes intersect by more
 * than a pixel: a name running under the buttons, stars drawn over a label.
 */
export function overlapsIn(root: Element, rowSelector: string): Overlap[] {
	const out: Overlap[] = [];
	for (const row of Array.from(root.querySelectorAll(rowSelector))) {
		const kids = Array.from(row.children)
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.width > 0 && r.height > 0);
		for (let i = 0; i < kids.length; i++) {
			for (let j = i + 1; j < kids.length; j++) {
				const a = kids[i].r;
				const b = kids[j].r;
				const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (w > 1 && h > 1) out.push({ row: describe(row), a: describe(kids[i].el), b: describe(kids[j].el) });
			}
		}
	}
	return out;
}
