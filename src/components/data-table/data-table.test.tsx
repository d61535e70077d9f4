import { FluentProvider } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DataTable, type DataTableColumn, type SelectionMode } from './data-table';

interface Server {
  name: string;
  cores: number;
}

const columns: DataTableColumn<Server>[] = [
  { id: 'name', header: 'Name', cell: (s) => s.name, sortValue: (s) => s.name },
  { id: 'cores', header: 'Cores', cell: (s) => String(s.cores), sortValue: (s) => s.cores },
];

const servers: Server[] = [
  { name: 'node-b', cores: 32 },
  { name: 'node-a', cores: 64 },
  { name: 'node-c', cores: 16 },
];

function Harness({
  items = servers,
  mode = 'single',
  loading = false,
}: {
  items?: Server[];
  mode?: SelectionMode;
  loading?: boolean;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <FluentProvider>
      <DataTable
        ariaLabel="Servers"
        items={items}
        columns={columns}
        getRowId={(s) => s.name}
        selectionMode={mode}
        selectedIds={selected}
        onSelectionChange={setSelected}
        loading={loading}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
      />
      <output aria-label="selection">{selected.join(',')}</output>
    </FluentProvider>
  );
}

const bodyRowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell')[0]?.textContent);

describe('DataTable', () => {
  it('sorts by the default column and toggles direction from the header', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(bodyRowNames()).toEqual(['node-a', 'node-b', 'node-c']);
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Cores' }));
    expect(bodyRowNames()).toEqual(['node-c', 'node-b', 'node-a']);
    await user.click(screen.getByRole('button', { name: 'Cores' }));
    expect(bodyRowNames()).toEqual(['node-a', 'node-b', 'node-c']);
    expect(screen.getByRole('columnheader', { name: 'Cores' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('selects with a click and moves the selection with ↑/↓, Home and End', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const grid = screen.getByRole('grid', { name: 'Servers' });
    await user.click(within(grid).getByText('node-b'));
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-b');
    expect(within(grid).getByRole('row', { name: /^node-b/ })).toHaveAttribute('aria-selected', 'true');

    grid.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-c');
    await user.keyboard('{Home}');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-a');
    await user.keyboard('{End}');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-c');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-b');
  });

  it('toggles rows with checkboxes and Select all in multi-select mode', async () => {
    const user = userEvent.setup();
    render(<Harness mode="multi" />);
    await user.click(screen.getByRole('checkbox', { name: 'Select node-a' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select node-c' }));
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-a,node-c');
    expect(screen.getByRole('checkbox', { name: 'Select all rows' })).toBePartiallyChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-a,node-b,node-c');

    screen.getByRole('grid', { name: 'Servers' }).focus();
    await user.keyboard('{Home}{ }');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('node-b,node-c');
  });

  it('says "Loading..." while loading and "No records found" when empty', () => {
    const { rerender } = render(<Harness loading items={[]} />);
    expect(screen.getByText('Loading...')).toBeInTheDocument();
    rerender(<Harness items={[]} />);
    expect(screen.getByText('No records found')).toBeInTheDocument();
  });

  it('renders only the rows in view for long lists, and End reaches the last one', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `vm-${String(i).padStart(5, '0')}`,
      cores: i % 8,
    }));
    render(<Harness items={many} />);
    const grid = screen.getByRole('grid', { name: 'Servers' });
    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    expect(screen.getAllByRole('row').length).toBeLessThan(100);

    grid.focus();
    await user.keyboard('{End}');
    expect(screen.getByRole('status', { name: 'selection' })).toHaveTextContent('vm-04999');
  });

  it('keeps its row elements when a filter changes the items in them, and renders only the rows that changed', () => {
    const cellRenders: string[] = [];
    const counted: DataTableColumn<Server>[] = [
      {
        id: 'name',
        header: 'Name',
        cell: (s) => {
          cellRenders.push(s.name);
          return s.name;
        },
      },
    ];
    const view = (items: Server[]) => (
      <FluentProvider>
        <DataTable ariaLabel="Servers" items={items} columns={counted} getRowId={(s) => s.name} />
      </FluentProvider>
    );
    const { rerender } = render(view(servers));
    const before = screen.getAllByRole('row').slice(1);
    cellRenders.length = 0;

    // A filter that drops node-b: the first two rows now hold node-a and node-c, the third row goes.
    rerender(view([servers[1], servers[2]].filter((s): s is Server => s !== undefined)));
    const after = screen.getAllByRole('row').slice(1);
    expect(bodyRowNames()).toEqual(['node-a', 'node-c']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(cellRenders).toEqual(['node-a', 'node-c']);

    // The same items again (a refetch with nothing changed): no row renders.
    cellRenders.length = 0;
    rerender(view([servers[1], servers[2]].filter((s): s is Server => s !== undefined)));
    expect(cellRenders).toEqual([]);
  });
});
