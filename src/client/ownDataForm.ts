// "Use your own data": the reader picks (or drops) their orders and events files, and an optional
// harm index; the files are read here as bytes and checked and analysed in a Web Worker
// (src/client/dataWorker.ts), never sent anywhere. Every problem is listed in a table (and can be
// downloaded as CSV); a bad file changes nothing else. Valid data are kept for this tab (in its own
// storage, or in the browser's database if they are too large: src/client/ownStorage.ts), the
// success box says which and for how long, and the whole report switches to them (main.ts listens
// for the "stro:data" event). A notice above the form names what this browser keeps besides: large
// files a closed tab left behind, and files remembered on this device, with a way to delete them.
import { problemsCsv, problemsToList, rowLabel, type Problem } from '../analysis/errors.ts';
import { bannerText, BROWSER_LIMIT_BYTES, fixesOf, shownName, placeDropped, PROBLEM_COLUMNS, readDesignWindow, shownValue, tidyChangesCsv, tidyWords, type FileSlot, type OwnFile, type OwnFiles, type OwnTidied } from '../lib/ownData.ts';
import { loadLocal, prepare, rememberLocal } from './localEngine.ts';
import { idleAfterLoad } from './idle.ts';
import { ANALYZE, shellWords } from '../lib/cliArguments.ts';
import { adoptCopy, forgetLeftBehind, isRemembered, keptNoticeWords, keptWords, leftBehind, loadForTab, remember, saveCache, saveForTab, tabCopyRef, tabHasData, unremember, unrememberedWords, whereKept } from './ownStorage.ts';
import { formatNumber } from '../lib/format.ts';

type Slot = FileSlot;

export function setUp(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const inputs: Record<Slot, HTMLInputElement> = {
    orders: form.querySelector('#own-orders')!,
    events: form.querySelector('#own-events')!,
    harmIndex: form.querySelector('#own-harm')!,
  };
  const chosen: Partial<Record<Slot, File>> = {};
  const status = root.querySelector<HTMLElement>('[data-own-status]')!;
  const progress = root.querySelector<HTMLProgressElement>('progress')!;
  const problemsBox = root.querySelector<HTMLElement>('[data-own-problems]')!;
  const success = root.querySelector<HTMLElement>('[data-own-success]')!;
  const drop = root.querySelector<HTMLElement>('[data-own-drop]')!;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const tidyBox = root.querySelector<HTMLElement>('[data-own-tidy]')!;
  const tidiedBox = root.querySelector<HTMLElement>('[data-own-tidied]')!;
  const base = root.dataset.base ?? '/';
  let busy = false;

  // The worker that will check the files (its script about 120 KB gzip) starts when the page is
  // idle after its load event, not on the click.
  idleAfterLoad(() => prepare(), 3000, 1000);

  const say = (text: string) => {
    status.textContent = text;
  };
  const names = () => (['orders', 'events', 'harmIndex'] as Slot[]).map((s) => { const n = chosen[s]?.name ?? inputs[s].files?.[0]?.name; return n === undefined ? n : shownName(n); });

  for (const slot of Object.keys(inputs) as Slot[]) {
    inputs[slot].addEventListener('change', () => {
      const f = inputs[slot].files?.[0];
      if (f) chosen[slot] = f;
      else delete chosen[slot];
      showChosen();
    });
  }

  function showChosen(): void {
    // A note on tidied copies is about the files analysed last, not these.
    showTidied(undefined);
    for (const slot of Object.keys(inputs) as Slot[]) {
      const out = root.querySelector<HTMLElement>(`[data-chosen="${slot}"]`);
      if (out) out.textContent = chosen[slot] ? `Chosen: ${shownName(chosen[slot]!.name)} (${size(chosen[slot]!.size)})` : '';
    }
  }

  // ---- drag and drop: each file goes to the slot its name suggests (placeDropped); the others are named back.
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.dataset.over = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset.over);
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    delete drop.dataset.over;
    const files = [...(e.dataTransfer?.files ?? [])];
    const { placed, unplaced, clashes } = placeDropped(files.map((f) => f.name));
    for (const [slot, k] of Object.entries(placed) as [Slot, number][]) chosen[slot] = files[k];
    showChosen();
    const n = Object.keys(placed).length;
    const notes = [
      clashes.length > 0 ? `Not placed, as their names suggest the same file: ${clashes.join(', ')}.` : '',
      unplaced.length > 0 ? `Not placed: ${unplaced.join(', ')}.` : '',
    ].filter(Boolean);
    say(notes.length > 0
      ? `${n > 0 ? `${n} ${n === 1 ? 'file' : 'files'} placed by name. ` : ''}${notes.join(' ')} A dropped file goes where its name says (“orders”, “events” or “arrests”, “harm”); choose the others with the buttons.`
      : `${files.length} ${files.length === 1 ? 'file' : 'files'} placed by name. Choose “Analyse these files” when ready.`);
  });

  // ---- "Try it with the study's data": the bundled files, from this site, into the same path.
  root.querySelector('[data-own-try]')?.addEventListener('click', async () => {
    if (busy) return;
    try {
      const fetchFile = async (name: string) => new File([await (await fetch(`${base}downloads/${name}`)).blob()], name, { type: 'text/csv' });
      chosen.orders = await fetchFile('orders.csv');
      chosen.events = await fetchFile('events.csv');
      delete chosen.harmIndex;
      for (const input of Object.values(inputs)) input.value = '';
      (form.elements.namedItem('designWindow') as HTMLInputElement).value = '24';
      (form.elements.namedItem('extracted') as HTMLInputElement).value = '';
      showChosen();
      await analyse();
    } catch {
      say("The study's files could not be loaded from this site. Download them from “Data and methods” and choose them here.");
    }
  });

  // The design window is checked by analyse() (readDesignWindow), which says in words what is
  // allowed, rather than by the browser's own bubble, which a screen magnifier or a phone can miss.
  form.noValidate = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void analyse();
  });

  tidyBox.querySelector('[data-own-tidy-button]')!.addEventListener('click', () => void analyse(true));

  async function analyse(tidy = false): Promise<void> {
    if (busy) return;
    const missing = [!chosen.orders && 'an orders file', !chosen.events && 'an events file'].filter(Boolean);
    if (missing.length > 0) {
      say(`Choose ${missing.join(' and ')} first.`);
      (chosen.orders ? inputs.events : inputs.orders).focus();
      return;
    }
    const total = (chosen.orders?.size ?? 0) + (chosen.events?.size ?? 0) + (chosen.harmIndex?.size ?? 0);
    if (total > BROWSER_LIMIT_BYTES) {
      // The names as shown (invisible direction controls, which turn the status round, left out), and a
      // word where that makes the command differ from the files' real names.
      const files: [string, File | undefined][] = [['--orders', chosen.orders], ['--events', chosen.events], ['--harm-index', chosen.harmIndex]];
      const given = files.filter(([, f]) => f).flatMap(([flag, f]) => [flag, shownName(f!.name)]);
      const renamed = files.some(([, f]) => f && shownName(f.name) !== f.name);
      say(`These files total ${size(total)}, more than a browser tab can analyse comfortably (${size(BROWSER_LIMIT_BYTES)}). Nothing was read. Use the command-line tool instead: ${ANALYZE} ${shellWords(given)} (see the README).${renamed ? ' A file name holds invisible characters that reverse the direction of text; rename the file as shown here first.' : ''}`);
      return;
    }
    const windowInput = form.elements.namedItem('designWindow') as HTMLInputElement;
    const window_ = readDesignWindow(windowInput.value);
    windowInput.removeAttribute('aria-invalid');
    if ('message' in window_) {
      windowInput.setAttribute('aria-invalid', 'true');
      say(window_.message);
      windowInput.focus();
      return;
    }
    const designWindow = window_.months;
    const outsideWindow = (form.querySelector<HTMLInputElement>('input[name="outsideWindow"]:checked')?.value ?? 'error') as 'error' | 'exclude';
    // A date input gives YYYY-MM-DD or nothing; the engine checks it as it checks the files' dates.
    const extracted = (form.elements.namedItem('extracted') as HTMLInputElement | null)?.value.trim() || undefined;
    busy = true;
    submit.disabled = true;
    progress.hidden = false;
    progress.removeAttribute('value');
    success.hidden = true;
    try {
      say(`Reading ${names().filter(Boolean).join(', ')} (${size(total)})…`);
      const read = async (f: File): Promise<OwnFile> => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      // The files are read together, and whether the reader keeps a copy on this device asked meanwhile.
      // A reader who chose to remember their data keeps that choice: the copy kept there becomes
      // these files, never the ones before them (the box below shows it ticked).
      const [orders, events, harmIndex, remembered] = await Promise.all([
        read(chosen.orders!), read(chosen.events!), chosen.harmIndex ? read(chosen.harmIndex) : undefined, isRemembered().catch(() => false),
      ]);
      const files: OwnFiles = { orders, events, ...(harmIndex ? { harmIndex } : {}), designWindow, outsideWindow, ...(extracted ? { extracted } : {}), ...(tidy ? { tidy } : {}) };
      const outcome = await loadLocal(files, say, { remembered });
      showTidied(outcome.tidied);
      showProblems(outcome.problems);
      if (!outcome.ok) {
        const errors = outcome.problems.filter((p) => p.severity === 'error').length;
        const fixable = tidyBox.hidden ? '' : ' Some have one right answer, which the report can make for you (“Tidy these”, below).';
        say(`Your files were not loaded: ${formatNumber(errors)} ${errors === 1 ? 'problem needs' : 'problems need'} fixing (listed below).${fixable} Nothing else has changed: the report still shows the data it showed before.`);
        // The offer to tidy first, where there is one (it sits above the list; a keyboard reached it only by going back).
        (tidyBox.hidden ? problemsBox.querySelector<HTMLElement>('caption') : tidyBox.querySelector<HTMLElement>('[data-own-tidy-text]'))?.focus();
        return;
      }
      // Keeping the files, and switching the page, each in a task of its own: for large files each
      // takes a while, and together with receiving the result they would hold the page too long.
      // Large files were kept by the worker (in IndexedDB), and this tab takes its copy; others are kept here.
      await nextTask();
      performance.mark('stro:save-start'); // read by `npm run bench:browser`, with the measure below
      if (outcome.stored) await adoptCopy(outcome.stored);
      else if (outcome.texts) {
        await saveForTab(outcome.texts);
        if (remembered) await remember({ texts: outcome.texts }).catch(() => undefined);
      }
      performance.measure('stro:save', 'stro:save-start');
      await nextTask();
      window.dispatchEvent(new CustomEvent('stro:data', { detail: { engine: outcome.engine, result: outcome.result } }));
      showSuccess(bannerText(outcome.engine.local!.summary), remembered);
      void checkKept(); // this tab now holds files: the notice above names only what others left
      // What Tidy changed is said here too: the focus goes to the heading after it (an analyst heard nothing of it).
      const tidiedWords = outcome.tidied && outcome.tidied.changes.length > 0 ? `Loaded the tidied copies of your files, after ${formatNumber(outcome.tidied.changes.length)} ${outcome.tidied.changes.length === 1 ? 'change' : 'changes'}, listed under “Tidied copies of your files”. ` : '';
      say(tidiedWords + (remembered ? 'The copy kept on this device is now these files, until you choose Forget.' : ''));
      // Then what the worker found in them goes beside them (and beside the remembered copy), so
      // that the next page need not check and analyse them again (src/client/ownCache.ts). The
      // form stays busy meanwhile, so that a new upload cannot overtake it.
      progress.hidden = true;
      await nextTask();
      performance.mark('stro:keep-start');
      const kept = await outcome.keep().catch(() => undefined);
      if (kept && kept !== 'kept') await saveCache(kept.cache, kept.cacheText).catch(() => undefined);
      performance.measure('stro:keep', 'stro:keep-start');
    } catch (e) {
      say(`Your files could not be analysed in this browser: ${e instanceof Error ? e.message : String(e)}. Nothing else has changed.`);
    } finally {
      busy = false;
      submit.disabled = false;
      progress.hidden = true;
    }
  }

  /**
   * What tidying changed, and the tidied files to download (the command line and R read them as they
   * are); hidden for an analysis that was not tidied. Every name and value here came from the reader's
   * files: set as text, never as HTML.
   */
  function showTidied(tidied: OwnTidied | undefined): void {
    const list = tidiedBox.querySelector('[data-own-tidied-files]')!;
    for (const a of list.querySelectorAll('a')) URL.revokeObjectURL(a.href);
    list.replaceChildren();
    tidiedBox.hidden = tidied === undefined;
    if (!tidied) return;
    const text = tidiedBox.querySelector('[data-own-tidied-text]')!;
    if (tidied.changes.length === 0) {
      text.textContent = 'The report could not tidy these files safely, so nothing in them was changed: fix them in the spreadsheet, as the problems below say.';
      return;
    }
    const names = tidied.files.map((f) => f.name);
    text.replaceChildren(...said(
      'Before checking, the report made the fixes that have one right answer:',
      tidyWords(tidied.changes),
      `Nothing else was changed. The files checked are the tidied ${names.length === 1 ? 'copy' : 'copies'}, ${names.join(' and ')}; the files on your computer are as they were. Download the tidied ${names.length === 1 ? 'file' : 'files'} to use with the command-line tool and the R script, which read dates only as yyyy-mm-dd:`,
    ));
    const link = (name: string, body: string, what: string) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([body], { type: 'text/csv;charset=utf-8' }));
      a.download = name;
      a.textContent = name;
      li.append(a, what);
      return li;
    };
    list.replaceChildren(
      ...tidied.files.map((f) => link(f.name, f.text, ` (tidied from ${f.from})`)),
      link('tidy-changes.csv', tidyChangesCsv(tidied.changes), ` (every change: file, row, column, what was there and what is there now; ${formatNumber(tidied.changes.length)} ${tidied.changes.length === 1 ? 'change' : 'changes'})`),
    );
  }

  /** A lead-in, a list of fixes (each a phrase from tidyWords, begun with a capital) and a closing paragraph, as text. */
  function said(lead: string, items: string[], close: string): HTMLElement[] {
    const p = (t: string) => Object.assign(document.createElement('p'), { textContent: t });
    const ul = document.createElement('ul');
    ul.append(...items.map((t) => Object.assign(document.createElement('li'), { textContent: t.charAt(0).toUpperCase() + t.slice(1) })));
    return [p(lead), ul, p(close)];
  }

  function showProblems(problems: Problem[]): void {
    // The fixes with one answer, offered while there are errors to fix.
    const fixes = fixesOf(problems);
    const errorsNow = problems.some((p) => p.severity === 'error');
    tidyBox.hidden = fixes.length === 0 || !errorsNow;
    // Fixes are matched to a file by its name: two files of one name cannot be told apart (a re-check: an offer that then failed, in a loop).
    const [ordersName, eventsName] = names();
    const sameName = ordersName !== undefined && ordersName === eventsName;
    tidyBox.querySelector<HTMLButtonElement>('[data-own-tidy-button]')!.hidden = sameName;
    if (!tidyBox.hidden && sameName) {
      tidyBox.querySelector('[data-own-tidy-text]')!.textContent = `Some of these problems have one right answer, which the report could make for you, but the orders and the events files are both named ${ordersName}, so it cannot tell which file each fix belongs to. Rename one of them, choose it again, and analyse again.`;
    } else if (!tidyBox.hidden) {
      const n = problems.filter((p) => p.fix !== undefined && !p.file.startsWith('(')).length;
      tidyBox.querySelector('[data-own-tidy-text]')!.replaceChildren(...said(
        `${formatNumber(n)} of these ${n === 1 ? 'problems has' : 'problems have'} one right answer, which the report can make for you:`,
        tidyWords(fixes),
        'Nothing else is changed, and the files on your computer stay as they are: the report checks tidied copies, which you can then download. Fixes that show only once these are made are made too.',
      ));
    }
    const table = problemsBox.querySelector('table')!;
    const tbody = table.querySelector('tbody')!;
    const caption = table.querySelector('caption')!;
    if (problems.length === 0) {
      problemsBox.hidden = true;
      tbody.replaceChildren();
      return;
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    // Errors first (they stop the files loading), in file order. A table of thousands of rows helps
    // nobody and holds the page while it is laid out: PROBLEMS_LISTED are listed, at least one of
    // each kind, and the CSV below has every one.
    const { listed, kinds } = problemsToList(problems, PROBLEMS_LISTED);
    const more = problems.length > listed.length ? ` (${listed.length} listed here, ${kinds <= listed.length ? 'with at least one of each kind' : `one each of the first ${listed.length} of ${formatNumber(kinds)} kinds`}; the CSV below lists all ${formatNumber(problems.length)})` : '';
    caption.textContent = [errors && `${formatNumber(errors)} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${formatNumber(warnings)} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean).join(' and ') + ' in your files' + more;
    // Every cell is text from the reader's files: set as text, never as HTML.
    tbody.replaceChildren(...listed.map((p) => {
      const tr = document.createElement('tr');
      tr.className = p.severity;
      // a long value shown by its start and length, here and where the message quotes it (shownValue)
      const value = p.value === undefined ? '' : shownValue(p.value);
      const message = value === (p.value ?? '') ? p.message : p.message.split(p.value!).join(value);
      const values = [p.severity, p.file, p.row === undefined ? '' : rowLabel(p.row), p.column ?? '', value, message + (p.hint ? ` (${p.hint})` : '')];
      values.forEach((v, k) => {
        const td = document.createElement('td');
        if (v !== '') {
          // The column's name, shown only on a phone, where each problem is a block of lines; a
          // screen reader has the column header already.
          if (k > 0) {
            const label = document.createElement('span');
            label.className = 'cell-label';
            label.setAttribute('aria-hidden', 'true');
            label.textContent = `${PROBLEM_COLUMNS[k]}: `;
            td.append(label);
          }
          td.append(v);
        }
        tr.append(td);
      });
      return tr;
    }));
    // The CSV is made when the link is first used, not with the table: a valid upload of large
    // files may carry many warnings, and nothing should delay showing that the data are loaded.
    shownProblems = problems;
    const link = problemsLink();
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = '#';
    problemsBox.hidden = false;
  }

  let shownProblems: Problem[] = [];
  const PROBLEMS_LISTED = 50;
  const problemsLink = () => problemsBox.querySelector<HTMLAnchorElement>('a[data-own-problems-csv]')!;
  problemsLink().addEventListener('click', (e) => {
    const link = problemsLink();
    if (link.href.startsWith('blob:')) return;
    e.preventDefault();
    link.href = URL.createObjectURL(new Blob([problemsCsv(shownProblems)], { type: 'text/csv;charset=utf-8' }));
    link.click();
  });

  function showSuccess(text: string, remembered: boolean): void {
    success.querySelector('[data-own-summary]')!.textContent = text;
    showWhere(remembered);
    for (const a of success.querySelectorAll<HTMLAnchorElement>('a[data-own-page]')) a.href = `${base}${a.dataset.ownPage}?data=local`;
    success.hidden = false;
    void showRemembered();
    success.querySelector<HTMLElement>('h3')?.focus();
  }

  /** Where the files just loaded are kept, and for how long: this tab's storage, or the browser's database (large files). */
  function showWhere(remembered: boolean): void {
    const where = success.querySelector<HTMLElement>('[data-own-kept-where]');
    if (where) where.textContent = keptWords(whereKept() ?? 'tab', remembered);
  }

  const rememberBox = root.querySelector<HTMLInputElement>('[data-own-remember]');
  async function showRemembered(): Promise<void> {
    if (rememberBox) rememberBox.checked = await isRemembered().catch(() => false);
  }
  rememberBox?.addEventListener('change', async () => {
    if (rememberBox.checked) {
      // A large copy (in IndexedDB) is copied by the worker; small files are read here.
      const ref = tabCopyRef();
      const kept = ref
        ? await rememberLocal(ref).catch(() => false)
        : await loadForTab().then(async (held) => (held ? (await remember(held), true) : false)).catch(() => false);
      if (!kept) {
        rememberBox.checked = false;
        say('Your data could not be kept on this device (this browser did not allow it); this tab still has them until it closes.');
        return;
      }
      say('Your data will be kept on this device, in this browser only, until you choose Forget.');
    } else {
      await unremember().catch(() => undefined);
      say(unrememberedWords(whereKept() ?? 'tab'));
    }
    showWhere(rememberBox.checked);
  });

  // ---- What this browser keeps besides this tab's files: large files a closed tab left behind
  // (their tab can no longer offer Forget), and files remembered on this device. Only their keys
  // are read, never the files, and nothing is made where nothing is kept.
  const kept = root.querySelector<HTMLElement>('[data-own-kept]');
  const keptText = kept?.querySelector<HTMLElement>('[data-own-kept-text]');
  const forgetLeft = kept?.querySelector<HTMLButtonElement>('[data-own-forget-left]');
  const forgetRemembered = kept?.querySelector<HTMLButtonElement>('[data-own-forget-remembered]');
  const showRememberedLink = kept?.querySelector<HTMLElement>('[data-own-show-remembered]');
  let left: string[] = [];
  let rememberedHere = false;
  /** Checks started: only the latest one's answer is shown (one started before an upload must not name this tab's new copy). */
  let checks = 0;

  /** The notice for what was found, after `note` (what was just deleted); hidden when there is nothing to say. */
  function showKept(note = ''): void {
    if (!kept || !keptText) return;
    keptText.textContent = [note, keptNoticeWords(left.length, rememberedHere)].filter(Boolean).join(' ');
    if (forgetLeft) forgetLeft.hidden = left.length === 0;
    if (forgetRemembered) forgetRemembered.hidden = !rememberedHere;
    if (showRememberedLink) showRememberedLink.hidden = !rememberedHere;
    kept.hidden = keptText.textContent === '';
  }

  async function checkKept(): Promise<void> {
    if (!kept) return;
    const check = ++checks;
    const found = await leftBehind().catch(() => ({ copies: [], remembered: false }));
    if (check !== checks) return;
    left = found.copies;
    // A tab showing its own files has the box to remember them; the notice names the remembered copy only to a tab without files.
    rememberedHere = found.remembered && !tabHasData();
    showKept();
    kept.dataset.checked = ''; // the check is done (tests wait for it)
  }

  /** Delete what the notice names; the notice then says so, and takes the focus from the button that went. */
  async function forgetKept(which: 'left' | 'remembered'): Promise<void> {
    await forgetLeftBehind(which === 'left' ? left : [], which === 'remembered');
    if (which === 'left') left = [];
    else rememberedHere = false;
    showKept(which === 'left'
      ? 'Deleted: the files left from an earlier visit are no longer kept in this browser.'
      : 'Deleted: the files remembered on this device are no longer kept in this browser.');
    keptText?.focus();
  }
  forgetLeft?.addEventListener('click', () => void forgetKept('left'));
  forgetRemembered?.addEventListener('click', () => void forgetKept('remembered'));
  void checkKept();

  // Ready: files chosen before this code ran count as chosen, and the buttons (disabled in the
  // HTML, so that a click before now is never silently lost) can be used.
  for (const slot of Object.keys(inputs) as Slot[]) {
    const f = inputs[slot].files?.[0];
    if (f) chosen[slot] = f;
  }
  showChosen();
  for (const button of root.querySelectorAll<HTMLButtonElement>('.actions button')) button.disabled = false;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Below a kilobyte in bytes, so that an empty file reads "0 bytes", not "1 KB" (an analyst).
const size = (bytes: number) => (bytes < 1024 ? `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}` : bytes < 1024 * 1024 ? `${formatNumber(Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
