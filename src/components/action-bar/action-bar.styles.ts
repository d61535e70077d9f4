import { makeStyles, tokens } from '@fluentui/react-components';

export const useActionBarStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    minHeight: '40px',
    minWidth: 0,
  },
  // The toolbar takes what the count and search leave; what does not fit goes into "More".
  actions: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    paddingInline: 0,
    flexWrap: 'nowrap',
    overflow: 'hidden',
  },
  item: { display: 'inline-flex', flexShrink: 0, whiteSpace: 'nowrap' },
  meta: {
    display: 'flex',
    alignItems: 'center',
    flexShrink: 0,
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
  selectionChip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  search: { width: '200px' },
  // The count's room is kept while the box is empty: it grew from nothing at the first key, and the row, laid
  // out from the right, moved the box (and the caret) under the user's hands. "10,000 matches" fits; the
  // figures are tabular so the text does not shift as the count changes.
  matchCount: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    minWidth: '14ch',
    fontVariantNumeric: 'tabular-nums',
  },
});
