import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

// The Azure Stack portal's VM list of `large`: 10,000 rows, of which only those in view are in the DOM.
const VMS = '/azure-stack?cloud=AzureStack';

/** The data rows in the DOM, by their position in the whole list. */
function rowIndexes(grid: Locator): Promise<number[]> {
  return grid
    .locator('[role="row"][data-row-index]')
    .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.rowIndex)));
}

/** Whether the row at `index` lies wholly in the grid's viewport, below its sticky header. */
function rowInView(grid: Locator, index: number): Promise<boolean> {
  return grid.evaluate((element, i) => {
    const row = element.querySelector(`[data-row-index="${i}"]`);
    const header = element.querySelector('[role="columnheader"]')?.closest('[role="row"]');
    if (!row || !header) return false;
    const view = element.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return box.top >= header.getBoundingClientRect().bottom - 1 && box.bottom <= view.bottom + 1;
  }, index);
}

test('a long VM list follows the keyboard to its last row and back, with the active row in view', async ({
  page,
  gotoScenario,
}) => {
  // Cluster Manager's VM tool selects with checkboxes, so the keyboard moves the active row alone (in the
  // Azure Stack portal's list the selection follows it and opens the VM's blade).
  await gotoScenario('/connections/cluster/hci-cluster01/tools/virtual-machines', 'large');
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await expect(grid.locator('[data-row-index="0"]')).toBeVisible();
  const lastIndex = Number(await grid.getAttribute('aria-rowcount')) - 2;
  // Over the table's threshold of 100 rows, so the rows are virtual.
  expect(lastIndex).toBeGreaterThan(100);
  await grid.focus();

  await page.keyboard.press('End');
  const last = grid.locator(`[data-row-index="${lastIndex}"]`);
  await expect(last).toBeVisible();
  await expect(grid).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id')) ?? '');
  expect(await rowInView(grid, lastIndex)).toBe(true);

  await page.keyboard.press('PageUp');
  await expect(grid).not.toHaveAttribute('aria-activedescendant', (await last.getAttribute('id')) ?? '');
  const active = await grid.getAttribute('aria-activedescendant');
  const activeIndex = Number(await page.locator(`[id="${active}"]`).getAttribute('data-row-index'));
  expect(activeIndex).toBeLessThan(lastIndex);
  expect(activeIndex).toBeGreaterThan(lastIndex - 50);
  expect(await rowInView(grid, activeIndex)).toBe(true);

  await page.keyboard.press('Home');
  await expect(grid.locator('[data-row-index="0"]')).toBeVisible();
  expect(await rowInView(grid, 0)).toBe(true);
  expect((await rowIndexes(grid)).length).toBeLessThan(60);
});

test('a jump to the middle of the 10,000-VM table shows the rows there, and keeps the DOM to a screenful', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario(VMS, 'large');
  const grid = page.getByRole('grid', { name: 'Virtual machines of AzureStack' });
  await expect(grid.locator('[data-row-index="0"]')).toBeVisible();
  // Half way down in one step, as a dragged scroll bar does.
  await grid.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  await expect(grid.locator('[data-row-index="5000"]')).toBeAttached();
  const indexes = await rowIndexes(grid);
  expect(indexes.length).toBeLessThan(60);
  expect(Math.min(...indexes)).toBeGreaterThan(4900);
  expect(Math.max(...indexes)).toBeLessThan(5100);
  // The rows there are the list's own, with their names, not placeholders.
  await expect(grid.locator('[data-row-index="5000"] [role="gridcell"]').first()).toHaveText(/\S/);
});
