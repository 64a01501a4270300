// The quick pick and the command palette, driven as a person would but
// waiting on what they show: Enter is pressed only once the focused row is the
// wanted one and the list has stopped changing, and a palette that is still
// open after Enter is answered from its state, never after a pause.

/** Monaco renders spaces as U+00A0. */
const normal = (s) => (s ?? '').replace(/\u00a0/g, ' ').trim();

/**
 * The quick pick's state after the next two drawn frames: the input's value, the
 * focused row's label, the labels of the drawn rows and whether it is busy.
 */
function readPick(page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const widget = document.querySelector('.quick-input-widget');
    const open = !!widget && getComputedStyle(widget).display !== 'none' && widget.getClientRects().length > 0;
    const label = (row) => (row.querySelector('.label-name')?.textContent ?? row.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')];
    const focused = document.querySelector('.quick-input-list .monaco-list-row.focused');
    const progress = document.querySelector('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active');
    return {
      open,
      value: document.querySelector('.quick-input-widget input')?.value ?? '',
      focused: focused ? label(focused) : '',
      rows: rows.map(label),
      busy: !!progress && getComputedStyle(progress).display !== 'none',
    };
  });
}

/**
 * Moves the quick pick's focus to the row labelled exactly `label` (the palette's
 * fuzzy match may put a longer title first) and waits until the list has settled:
 * the same rows in two reads in a row, nothing loading, the focus on `label`.
 * Returns false when no such row shows by `deadline` (the list may have been
 * computed before the row's command existed).
 */
export async function focusPickRow(page, label, deadline) {
  let previous;
  for (;;) {
    const state = await readPick(page);
    const settled = previous !== undefined && !state.busy && JSON.stringify(state.rows) === JSON.stringify(previous.rows) && state.value === previous.value;
    if (settled && state.focused === label) return true;
    if (Date.now() > deadline) return false;
    // Each key press moves the focus one row; the next read waits for it to be drawn.
    if (settled && state.rows.includes(label) && state.focused !== label) {
      const below = state.rows.indexOf(label) > state.rows.indexOf(state.focused);
      await page.keyboard.press(below ? 'ArrowDown' : 'ArrowUp');
    }
    previous = state;
  }
}

/**
 * Runs a command from the palette by its title. `picker`: the command opens a
 * quick pick of its own, so the palette's row going away is the sign it ran.
 * A palette listed before the extension's commands were registered does not
 * show them: it is closed and opened again until the row is there.
 */
export async function runCommand(page, title, { picker = false, deadlineMs = 30_000 } = {}) {
  const deadline = Date.now() + deadlineMs;
  const widget = page.locator('.quick-input-widget').first();
  const input = page.locator('.quick-input-widget input').first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    // A first look bounded well inside the deadline leaves time to open the palette again.
    if (await focusPickRow(page, title, Math.min(deadline, Date.now() + 10_000))) break;
    if (Date.now() > deadline) throw new Error(`the palette has no command ${JSON.stringify(title)}: ${JSON.stringify((await readPick(page)).rows)}`);
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  /** True once the palette has let go of the command (closed, or showing the command's own pick). */
  const ran = async () => {
    const state = await readPick(page);
    if (!state.open) return true;
    return picker && !(state.value === `>${title}` && state.rows.includes(title));
  };
  await page.keyboard.press('Enter');
  let retried = false;
  while (!(await ran())) {
    const state = await readPick(page);
    // Still the palette with the command focused: the Enter was lost (pressed while the list
    // was being replaced); press it again once, then click the row.
    if (state.value === `>${title}` && state.focused === title && !state.busy) {
      if (!retried) {
        retried = true;
        await page.keyboard.press('Enter');
        // Given the time to close that a first Enter is given; still open: the row is clicked.
        await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      } else {
        await page.locator('.quick-input-list .monaco-list-row.focused').first().click();
        await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
    }
    if (Date.now() > deadline) throw new Error(`the palette stayed open after Enter on ${JSON.stringify(title)}: ${JSON.stringify(state)}`);
  }
}
