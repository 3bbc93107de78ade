// tests/web/e2e/run.mjs - the web pages in a real browser (Debian's
// chromium driven by playwright-core), started by tests/web/t_web_browser.sh
// with a server on a synthetic service. Prints TAP only ("ok N - ...",
// "not ok N - ...", "# ..." comments).
//
//  1. Accessibility: for each role, every page reachable from the
//     navigation, from links on those pages and from their GET forms
//     submitted as they stand (same origin, never /sign-out; one page per
//     path pattern, numbers as {id}; at most E2E_MAX_PAGES a role),
//     checked with axe-core against WCAG 2.2 AA (tags wcag2a, wcag2aa,
//     wcag21a, wcag21aa, wcag22aa), with no console error, no 4xx/5xx
//     response and no markup escaped inside a tag. Then each form found
//     (POST, or GET with fields), submitted empty: its error-summary page
//     is checked the same way.
//  2. The scenario of issue 6: an IRO (iro2, who holds every child)
//     records an overdue review as held with a participation code and
//     adds two recommendations; the worklist no longer has it overdue and
//     the child's timeline shows it held and the recommendations. A
//     manager follows "Reallocate" on the child's record and transfers the
//     child to NEW_IRO from today; the child is on NEW_IRO's caseload and
//     gone from IRO2's.
//  3. On failure: a screenshot and the HTML under tests/web/e2e/out/.
//
// Environment: BASE, PW (the users' password), TODAY (YYYY-MM-DD), IRO2,
// NEW_IRO (names), IRO2_ID, NEW_IRO_ID, CHROMIUM (default
// /usr/bin/chromium), E2E_MAX_PAGES (default 40), E2E_JOBS (default 2),
// E2E_OUT (default tests/web/e2e/out).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));

const BASE = process.env.BASE;
const PW = process.env.PW;
const TODAY = process.env.TODAY || '2026-03-31';
const IRO2 = process.env.IRO2 || '';
const IRO2_ID = process.env.IRO2_ID || '';
const NEW_IRO = process.env.NEW_IRO || '';
const NEW_IRO_ID = process.env.NEW_IRO_ID || '';
const MAX_PAGES = Number(process.env.E2E_MAX_PAGES || 40);
const JOBS = Number(process.env.E2E_JOBS || 2);
const OUT = process.env.E2E_OUT || join(here, 'out');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// iro2 holds every child; iro1 left post (the empty pages of an IRO).
// The longest crawls first: they run E2E_JOBS at a time.
const ROLES = ['iro2', 'manager', 'admin', 'iro1', 'analyst', 'auditor'];

// ---- TAP ----
// Lines go to the running task's buffer (roles are crawled E2E_JOBS at a
// time) and are numbered when printed, so the output stays in order.
let n = 0;
let failures = 0;
const tasks = new AsyncLocalStorage();
const clean = (s) => String(s).replace(/\s+/g, ' ').replace(/#/g, '\\#').trim();
function emit(line) {
	const buf = tasks.getStore();
	if (buf) buf.push(line);
	else print(line);
}
function print(line) {
	if (line.startsWith('#')) console.log(line);
	else console.log(line.replace(' - ', ` ${++n} - `));
}
function ok(name) { emit(`ok - ${clean(name)}`); }
function notOk(name, ...lines) {
	failures++;
	emit(`not ok - ${clean(name)}`);
	for (const l of lines) for (const x of String(l).split('\n')) emit(`# ${x}`);
}
const note = (s) => emit(`# ${s}`);
// Runs fns at most jobs at a time, printing each one's lines in order.
async function inParallel(fns, jobs) {
	const bufs = fns.map(() => []);
	const done = fns.map(() => null);
	let next = 0, printed = 0;
	const flush = () => {
		while (printed < fns.length && done[printed]) bufs[printed++].forEach(print);
	};
	const worker = async () => {
		while (next < fns.length) {
			const i = next++;
			await tasks.run(bufs[i], fns[i]).catch((e) => tasks.run(bufs[i], () => notOk('the browser run completes', e.stack || e.message)));
			done[i] = true;
			flush();
		}
	};
	await Promise.all(Array.from({ length: Math.min(jobs, fns.length) }, worker));
}

if (!BASE || !PW) {
	notOk('BASE and PW are set (run by tests/web/t_web_browser.sh)');
	process.exit(1);
}

let chromium;
try {
	({ chromium } = require('playwright-core'));
} catch (e) {
	notOk('playwright-core is installed (npm ci)', e.message);
	process.exit(1);
}
let axeSource;
try {
	axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
	notOk('axe-core is installed (npm ci)', e.message);
	process.exit(1);
}

const pattern = (path) => path.replace(/\/\d+(?=\/|$)/g, '/{id}');
const isoPlus = (iso, days) => {
	const d = new Date(`${iso}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
};

// ---- evidence on failure ----
let shots = 0;
async function evidence(page, label) {
	try {
		mkdirSync(OUT, { recursive: true });
		const base = join(OUT, `${String(++shots).padStart(2, '0')}-${label.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}`);
		await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5000 });
		writeFileSync(`${base}.html`, await page.content());
		note(`saved ${base}.png and .html`);
	} catch (e) {
		note(`could not save evidence: ${e.message.split('\n')[0]}`);
	}
}

// ---- the browser ----
let browser;
const tStart = Date.now();
try {
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--no-first-run', '--no-default-browser-check',
			'--disable-dev-shm-usage'],
	});
} catch (e) {
	notOk(`chromium starts (${CHROMIUM})`, e.message.split('\n').slice(0, 5).join('\n'));
	process.exit(1);
}

// A context per user. bypassCSP lets axe be injected: the pages' CSP
// (script-src 'self') refuses inline script, rightly.
async function newPage(storageState) {
	const context = await browser.newContext({ bypassCSP: true, baseURL: BASE, storageState });
	context.setDefaultTimeout(8000);
	const page = await context.newPage();
	page.problems = [];
	page.on('console', (m) => {
		if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`);
	});
	page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
	page.on('response', (r) => {
		if (r.status() >= 400 && r.url().startsWith(BASE) && r.request().resourceType() !== 'document')
			page.problems.push(`${r.status()} for ${r.url().slice(BASE.length)}`);
	});
	return page;
}

async function signIn(page, user) {
	await page.goto('/sign-in');
	await page.getByLabel(/username/i).fill(user);
	await page.getByLabel(/password/i).fill(PW);
	await Promise.all([
		page.waitForLoadState('load'),
		page.getByRole('button', { name: /sign in/i }).click(),
	]);
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 5000 });
	sessions.set(user, await page.context().storageState());
}

// A page signed in as user: the session of their earlier sign-in through
// the form when there was one (signing in is argon2id: slow on purpose).
const sessions = new Map();
async function pageAs(user) {
	if (sessions.has(user)) return newPage(sessions.get(user));
	const page = await newPage();
	await signIn(page, user);
	return page;
}

async function axe(page) {
	await page.evaluate(axeSource);
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map((x) => x.target.join(' ')),
		}));
	}, TAGS);
}

// Checks the page now loaded: console errors, failed responses, axe.
async function checkLoaded(page, who, label) {
	const bad = [];
	for (const v of await axe(page)) {
		const t = v.targets.slice(0, 3).join(', ') + (v.targets.length > 3 ? ` (+${v.targets.length - 3} more)` : '');
		bad.push([`${who}: ${label}: axe ${v.id} (${v.impact}): ${t}`, v.help]);
	}
	const problems = page.problems.splice(0);
	for (const p of problems) bad.push([`${who}: ${label}: ${p}`]);
	if (bad.length) {
		for (const [name, ...lines] of bad) notOk(name, ...lines);
		await evidence(page, `${who}-${label}`);
	} else ok(`${who}: ${label}: no axe violations (WCAG 2.2 AA), console errors or failed responses`);
	return bad.length === 0;
}

// Visits path; returns the links on it, or null when it is not a page.
async function visit(page, who, path, forms) {
	page.problems = [];
	let resp;
	try {
		resp = await page.goto(path, { waitUntil: 'load' });
	} catch (e) {
		notOk(`${who}: ${path} loads`, e.message.split('\n')[0]);
		return null;
	}
	const status = resp ? resp.status() : 0;
	const type = resp ? (resp.headers()['content-type'] || '') : '';
	if (status >= 400) {
		notOk(`${who}: ${path} answers ${status}`);
		await evidence(page, `${who}-${pattern(path)}`);
		return null;
	}
	if (!type.startsWith('text/html')) return null;
	page.problems = page.problems.filter((p) => !p.startsWith('console error: Failed to load resource') || p.includes(' 5'));
	// A value escaped inside a tag (h_printf's %s given markup) is markup
	// that never reached the browser.
	const body = await resp.text();
	const escaped = body.match(/<[a-z][^<>]*=&quot;[^<>]*>/);
	if (escaped) page.problems.push(`markup escaped inside a tag: ${escaped[0].slice(0, 160)}`);
	await checkLoaded(page, who, pattern(path));
	if (forms) {
		const found = await page.$$eval('form', (fs) => fs.map((f, i) => ({
			i, method: (f.getAttribute('method') || 'get').toLowerCase(),
			action: new URL(f.getAttribute('action') || location.href, location.href).pathname,
			fields: f.querySelectorAll('input[type=text], input:not([type]), input[type=number], input[type=date], input[type=email], textarea, input[type=radio], input[type=checkbox], select').length,
		})));
		for (const f of found)
			if (f.fields > 0 && f.action !== '/sign-out') {
				// A GET form (a filter, a report) is the same wherever it is.
				const key = f.method === 'get' ? `GET ${pattern(f.action)}` : `${pattern(path)} -> ${pattern(f.action)}`;
				if (!forms.has(key)) forms.set(key, { path, index: f.i });
			}
	}
	// Links, and the GET forms as they stand (the reports, the filters).
	return page.$$eval('a[href], form', (els) => els.map((el) => {
		if (el.tagName === 'A') return el.href;
		if ((el.getAttribute('method') || 'get').toLowerCase() !== 'get') return null;
		const u = new URL(el.getAttribute('action') || location.href, location.href);
		u.search = new URLSearchParams(new FormData(el)).toString();
		return u.href;
	}).filter(Boolean));
}

async function crawl(who) {
	const page = await newPage();
	try {
		await signIn(page, who);
	} catch (e) {
		notOk(`${who} signs in through the form`, e.message.split('\n')[0]);
		await evidence(page, `${who}-signin`);
		await page.context().close();
		return;
	}
	const started = Date.now();
	const seen = new Set();
	const queue = ['/'];
	const forms = new Map();
	let visited = 0;
	while (queue.length && visited < MAX_PAGES) {
		const path = queue.shift();
		const key = pattern(path.split('?')[0]);
		if (seen.has(key)) continue;
		seen.add(key);
		visited++;
		const links = await visit(page, who, path, forms);
		for (const href of links || []) {
			let u;
			try { u = new URL(href); } catch { continue; }
			if (u.origin !== new URL(BASE).origin) continue;
			const p = u.pathname;
			if (p === '/sign-out' || p.startsWith('/assets/') || p.startsWith('/api/')) continue;
			if (/\.(csv|xlsx|json|pdf|zip)$/i.test(p) || /[?&]format=(?!html(&|$))/.test(u.search)) continue;
			if (!seen.has(pattern(p))) queue.push(p + u.search);
		}
	}
	note(`${who}: ${visited} pages visited${queue.length ? ` (stopped at ${MAX_PAGES})` : ''}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
	// Each form once (POST, and GET: the reports), submitted empty: the
	// error summary page.
	for (const [key, f] of forms) {
		page.problems = [];
		try {
			await page.goto(f.path);
			const form = page.locator('form').nth(f.index);
			await form.evaluate((el) => {
				for (const x of el.querySelectorAll('input[type=text], input:not([type]), input[type=number], input[type=date], input[type=email], textarea')) x.value = '';
				for (const x of el.querySelectorAll('input[type=radio], input[type=checkbox]')) x.checked = false;
				for (const x of el.querySelectorAll('select')) if ([...x.options].some((o) => o.value === '')) x.value = '';
			});
			const btn = form.locator('button[type=submit], button:not([type]), input[type=submit]').first();
			const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), btn.click()]);
			const status = resp ? resp.status() : 0;
			const summary = await page.locator('.govuk-error-summary').count();
			if (status >= 500 || (status >= 400 && status !== 422 && status !== 400)) {
				notOk(`${who}: form ${key} submitted empty answers ${status}`);
				await evidence(page, `${who}-form-${key}`);
			} else if (!summary) {
				note(`${who}: form ${key} submitted empty: no error summary (status ${status}, now at ${new URL(page.url()).pathname})`);
				ok(`${who}: form ${key} submitted empty does not fail`);
			} else {
				page.problems = page.problems.filter((p) => !/Failed to load resource.*4(00|22)/.test(p));
				await checkLoaded(page, who, `form ${key} submitted empty (error summary)`);
			}
		} catch (e) {
			notOk(`${who}: form ${key} submitted empty`, e.message.split('\n')[0]);
			await evidence(page, `${who}-form-${key}`);
		}
	}
	await page.context().close();
}

// The sign-in page and its error summary, signed out.
async function signInPage() {
	const page = await newPage();
	await visit(page, 'signed out', '/sign-in', null);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForLoadState('load');
	if (await page.locator('.govuk-error-summary').count()) {
		page.problems = page.problems.filter((p) => !p.includes('Failed to load resource'));
		await checkLoaded(page, 'signed out', '/sign-in submitted empty (error summary)');
	} else {
		notOk('signed out: /sign-in submitted empty shows an error summary');
		await evidence(page, 'signin-empty');
	}
	await page.context().close();
}

// ---- the scenario (issue 6) ----
// Each step runs only when the ones before succeeded; after a failure the
// rest are "not ok" too, as not run. The pages are used as a person would:
// by their links, labels, legends and buttons (src/web/page_*.c).
class Stop extends Error {}
function scenario(page) {
	let stopped = null;
	return async function step(name, fn) {
		if (stopped) return notOk(`scenario: ${name}`, `not run: ${stopped}`);
		page.problems = [];
		try {
			await fn();
			const probs = page.problems.filter((p) => !/Failed to load resource.*4(00|22)/.test(p));
			if (probs.length) throw new Error(probs.join('\n'));
			ok(`scenario: ${name}`);
		} catch (e) {
			stopped = `"${name}" failed`;
			notOk(`scenario: ${name}`, e instanceof Stop ? e.message : e.message.split('\n').slice(0, 6).join('\n'));
			await evidence(page, `scenario-${name}`);
		}
	};
}

// "31 March 2026", as the pages write a date (date_text).
const dateText = (iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB',
	{ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Fills a GOV.UK date input (Day, Month, Year) inside scope.
async function fillDate(scope, iso) {
	const [y, m, d] = iso.split('-');
	await scope.getByLabel('Day', { exact: true }).fill(String(Number(d)));
	await scope.getByLabel('Month', { exact: true }).fill(String(Number(m)));
	await scope.getByLabel('Year', { exact: true }).fill(y);
}

// Clicks the button and waits for the page it leads to; a page with an
// error summary or an error status stops the step.
async function submit(page, button) {
	const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
	const summary = page.locator('.govuk-error-summary');
	if (await summary.count()) throw new Stop(`the form came back with: ${clean(await summary.textContent())}`);
	if (resp && resp.status() >= 400) throw new Stop(`the form answered ${resp.status()}`);
}

async function follow(page, link) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

async function expectPath(page, path) {
	const at = new URL(page.url());
	if (at.pathname !== path) throw new Stop(`at ${at.pathname}${at.search}, not ${path}`);
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
const banner = async (page, text) => {
	const b = page.getByRole('alert').filter({ hasText: text });
	if (!(await b.count())) throw new Stop(`no banner saying "${text}"`);
};

// The "review overdue" count of the worklist now shown (0 when none).
async function overdueCount(page) {
	const link = page.locator('.iro-counts').getByRole('link', { name: /review overdue$/ });
	if (!(await link.count())) return 0;
	return Number(await link.locator('.iro-count__number').textContent());
}

// Every child's LA id on a caseload page, following its pagination.
async function caseloadIds(page, iroId) {
	await page.goto(`/caseloads/${iroId}`);
	const ids = [];
	for (;;) {
		ids.push(...(await page.locator('main table tbody tr td:first-child a').allTextContents()).map((s) => s.trim()));
		const next = page.getByRole('navigation', { name: 'Pagination' }).locator('a[rel=next]');
		if (!(await next.count())) return ids;
		await follow(page, next);
	}
}

const RECS = [
	{ text: 'Arrange life story work with the child.', role: 'social worker', name: 'Sam Ortiz', due: isoPlus(TODAY, 28) },
	{ text: 'Review contact arrangements with the birth family.', role: 'team manager', name: 'Jo Byrne', due: isoPlus(TODAY, 56) },
];

async function runScenario() {
	// ---- An IRO records an overdue review as held ----
	const page = await pageAs('iro2');
	const step = scenario(page);
	let review = null, child = null, laId = null, before = 0;
	const recIds = [];
	await step('iro2 signs in and the worklist has a "review overdue" item', async () => {
		await page.goto('/');
		await page.getByRole('navigation', { name: /menu|navigation/i }).getByRole('link', { name: 'Worklist' }).click();
		await page.waitForLoadState('load');
		await heading(page, 'Worklist').waitFor();
		before = await overdueCount(page);
		if (!before) throw new Stop('iro2 has no "review overdue" item (synthetic data?)');
		note(`scenario: iro2 has ${before} review(s) overdue`);
	});
	await step('the "review overdue" count filters the worklist to those items', async () => {
		await follow(page, page.locator('.iro-counts').getByRole('link', { name: /review overdue$/ }));
		const rows = page.getByRole('row').filter({ has: page.getByText('review overdue', { exact: true }) });
		if ((await rows.count()) !== before) throw new Stop(`${await rows.count()} rows for ${before} overdue`);
		const row = rows.first();
		review = (await row.getByRole('link', { name: /^Review \d+$/ }).getAttribute('href')).match(/\d+/)[0];
		const kid = row.locator('a[href^="/children/"]');
		child = (await kid.getAttribute('href')).match(/\d+/)[0];
		laId = (await kid.textContent()).trim();
		note(`scenario: review ${review} of child ${child} (${laId})`);
	});
	await step('the review opens from the worklist', async () => {
		await follow(page, page.getByRole('link', { name: `Review ${review}`, exact: true }));
		await expectPath(page, `/reviews/${review}`);
		await heading(page, `Review ${review}`).waitFor();
	});
	let code = 'PN1';
	await step('the review is recorded as held today with a participation code', async () => {
		await follow(page, page.getByRole('link', { name: 'Record the review as held', exact: true }));
		await expectPath(page, `/reviews/${review}/hold`);
		await heading(page, 'Record the review as held').waitFor();
		await fillDate(page.getByRole('group', { name: 'The date the review was held' }), TODAY);
		// PN0 is for a child under 4 at the review: their age is on
		// their record ("... (age N)").
		const r = await page.request.get(`/children/${child}`);
		const age = Number(((await r.text()).match(/\(age (\d+)\)/) || [0, 99])[1]);
		code = age < 4 ? 'PN0' : 'PN1';
		await page.getByRole('group', { name: /^Participation code/ }).getByRole('radio', { name: new RegExp(`^${code}:`) }).check();
		await page.getByLabel('Venue', { exact: true }).selectOption({ label: "the child's placement" });
		await page.getByLabel('Mode', { exact: true }).selectOption({ label: 'in person' });
		await page.getByRole('group', { name: 'Someone attended for the social worker' }).getByRole('radio', { name: 'Yes', exact: true }).check();
		await page.getByLabel('Who attended for the social worker', { exact: true }).selectOption({ label: 'the social worker' });
		await submit(page, page.getByRole('button', { name: 'Save', exact: true }));
		await expectPath(page, `/reviews/${review}`);
		await banner(page, 'The review has been recorded as held');
		const status = page.locator('main .govuk-tag').first();
		if (!/held/i.test(await status.textContent())) throw new Stop(`the review's status is "${clean(await status.textContent())}"`);
		note(`scenario: participation ${code} (the child is ${age})`);
	});
	for (const [i, rec] of RECS.entries())
		await step(`recommendation ${i + 1} is added with its owner and due date`, async () => {
			await page.goto(`/reviews/${review}`);
			await follow(page, page.getByRole('link', { name: i ? 'Add another recommendation' : 'Add a recommendation', exact: true }));
			await expectPath(page, `/reviews/${review}/recommendations/new`);
			await heading(page, 'Add a recommendation').waitFor();
			await page.getByLabel('The recommendation', { exact: true }).fill(rec.text);
			await page.getByLabel('Who is to do it (role)', { exact: true }).selectOption({ label: rec.role });
			await page.getByLabel('Their name', { exact: true }).fill(rec.name);
			await fillDate(page.getByRole('group', { name: 'Due by' }), rec.due);
			await submit(page, page.getByRole('button', { name: 'Add the recommendation', exact: true }));
			await expectPath(page, `/reviews/${review}`);
			await banner(page, 'The recommendation has been added');
			const row = page.getByRole('table', { name: 'Recommendations made at this review' }).getByRole('row')
				.filter({ has: page.getByRole('link', { name: rec.text, exact: true }) });
			if ((await row.count()) !== 1) throw new Stop(`the review's recommendations have no row for "${rec.text}"`);
			const cells = (await row.getByRole('cell').allTextContents()).map(clean);
			const want = [rec.text, new RegExp(`${rec.role}: ${rec.name}`, 'i'), new RegExp(`${dateText(rec.due)}|${rec.due}`), /open/i];
			want.forEach((w, j) => {
				if (!(typeof w === 'string' ? cells[j] === w : w.test(cells[j] || '')))
					throw new Stop(`the row reads ${JSON.stringify(cells)}`);
			});
			recIds.push((await row.getByRole('link').getAttribute('href')).match(/\d+/)[0]);
		});
	await step('the worklist no longer has the review overdue', async () => {
		await page.goto('/worklist');
		const now = await overdueCount(page);
		if (now !== before - 1) throw new Stop(`${now} reviews overdue, was ${before}`);
		await page.goto(`/worklist?child=${encodeURIComponent(laId)}`);
		const row = page.getByRole('row').filter({ has: page.locator(`a[href="/reviews/${review}"]`) })
			.filter({ has: page.getByText('review overdue', { exact: true }) });
		if (await row.count()) throw new Stop(`review ${review} of ${laId} is still "review overdue"`);
	});
	await step("the child's timeline shows the review held and the recommendations", async () => {
		await page.goto(`/children/${child}`);
		const items = page.locator('.moj-timeline__item');
		const held = items.filter({ has: page.getByRole('heading', { name: 'Review held', exact: true }) })
			.filter({ has: page.getByRole('link', { name: `Review ${review}`, exact: true }) });
		if ((await held.count()) !== 1) throw new Stop(`no timeline entry "Review held" for review ${review}`);
		if ((await held.locator('time').getAttribute('datetime')) !== TODAY) throw new Stop(`review ${review} is not on the timeline on ${TODAY}`);
		if (!(await held.getByText(`Participation ${code}`).count())) throw new Stop(`the entry does not give participation ${code}`);
		for (const [i, rec] of RECS.entries()) {
			const item = items.filter({ has: page.getByRole('link', { name: `Recommendation ${recIds[i]}`, exact: true }) });
			if ((await item.count()) !== 1 || !(await item.getByText(rec.text, { exact: true }).count()))
				throw new Stop(`no timeline entry for recommendation ${recIds[i]} ("${rec.text}")`);
			if ((await item.locator('time').getAttribute('datetime')) !== rec.due)
				throw new Stop(`recommendation ${recIds[i]} is not on the timeline on ${rec.due}`);
		}
	});
	await page.context().close();

	// ---- A manager reallocates the child to an IRO in post ----
	const mpage = await pageAs('manager');
	const mstep = scenario(mpage);
	await mstep('the manager opens the child\'s record: the IRO is iro2\'s', async () => {
		if (!child) throw new Stop('no child from the IRO\'s steps');
		if (!NEW_IRO || !NEW_IRO_ID) throw new Stop('NEW_IRO and NEW_IRO_ID are not set (t_web_browser.sh)');
		await mpage.goto(`/children/${child}`);
		const iro = mpage.locator('.govuk-summary-list__row').filter({ has: mpage.getByText('IRO', { exact: true }) }).locator('dd').first();
		if (clean(await iro.textContent()) !== IRO2) throw new Stop(`the record's IRO is "${clean(await iro.textContent())}", not ${IRO2}`);
		if (!(await caseloadIds(mpage, IRO2_ID)).includes(laId)) throw new Stop(`${laId} is not on ${IRO2}'s caseload before`);
		await mpage.goto(`/children/${child}`);
	});
	await mstep('"Reallocate" on the record opens the reallocation form', async () => {
		await follow(mpage, mpage.getByRole('link', { name: 'Reallocate', exact: true }));
		await expectPath(mpage, `/children/${child}/allocate`);
		await heading(mpage, 'Reallocate a child').waitFor();
	});
	await mstep(`the child is transferred to ${NEW_IRO} from today`, async () => {
		await mpage.getByLabel('New IRO', { exact: true }).selectOption({ label: NEW_IRO });
		await fillDate(mpage.getByRole('group', { name: 'From' }), TODAY);
		await mpage.getByRole('radio', { name: 'Transfer: the new IRO takes over' }).check();
		const button = mpage.getByRole('button', { name: 'Reallocate', exact: true });
		try {
			await submit(mpage, button);
		} catch (e) {
			// A child with siblings keeps their IRO unless a manager
			// says why not (the error is on the override box).
			if (!(e instanceof Stop) || !(await mpage.locator('.govuk-error-summary a[href="#override"]').count())) throw e;
			note(`scenario: ${clean(e.message)}: giving an override reason`);
			await mpage.getByLabel('Override reason (optional)').fill('Caseload balancing: the siblings follow next week.');
			await submit(mpage, mpage.getByRole('button', { name: 'Reallocate', exact: true }));
		}
		await expectPath(mpage, `/children/${child}`);
		await banner(mpage, 'The child has been reallocated');
		const iro = mpage.locator('.govuk-summary-list__row').filter({ has: mpage.getByText('IRO', { exact: true }) }).locator('dd').first();
		if (clean(await iro.textContent()) !== NEW_IRO) throw new Stop(`the record's IRO is now "${clean(await iro.textContent())}"`);
	});
	await mstep(`the child is on ${NEW_IRO}'s caseload and gone from ${IRO2}'s`, async () => {
		await mpage.goto('/caseloads');
		await follow(mpage, mpage.getByRole('link', { name: NEW_IRO, exact: true }));
		await expectPath(mpage, `/caseloads/${NEW_IRO_ID}`);
		await heading(mpage, NEW_IRO).waitFor();
		const row = mpage.getByRole('row').filter({ has: mpage.getByRole('link', { name: laId, exact: true }) });
		if ((await row.count()) !== 1) throw new Stop(`${laId} is not on /caseloads/${NEW_IRO_ID}`);
		const cells = (await row.getByRole('cell').allTextContents()).map(clean);
		if (cells[1] !== dateText(TODAY) || !/transfer/i.test(cells[2])) throw new Stop(`the row reads ${JSON.stringify(cells)}`);
		if ((await caseloadIds(mpage, IRO2_ID)).includes(laId)) throw new Stop(`${laId} is still on ${IRO2}'s caseload (/caseloads/${IRO2_ID})`);
	});
	await mpage.context().close();
}

const t0 = Date.now();
note(`chromium started in ${((t0 - tStart) / 1000).toFixed(1)} s`);
try {
	const lap = (what, t) => note(`${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
	let t = Date.now();
	await signInPage();
	lap('sign-in page', t);
	t = Date.now();
	await inParallel(ROLES.map((who) => () => crawl(who)), JOBS);
	lap('pages of every role', t);
	t = Date.now();
	await runScenario();
	lap('scenario', t);
} catch (e) {
	notOk('the browser run completes', e.stack || e.message);
} finally {
	await browser.close();
}
note(`browser run: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
