import { makeStyles, tokens } from '@fluentui/react-components';

export const useDataTableStyles = makeStyles({
  grid: {
    position: 'relative',
    overflow: 'auto',
    minHeight: '0',
    flexGrow: 1,
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    '&:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
    },
  },
  headerGroup: { position: 'sticky', top: 0, zIndex: 1 },
  header: {
    display: 'grid',
    alignItems: 'center',
    minHeight: '36px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  headerCell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalS,
  },
  sortButton: {
    minWidth: 0,
    paddingInline: 0,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    justifyContent: 'flex-start',
  },
  body: { position: 'relative' },
  row: {
    display: 'grid',
    alignItems: 'center',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  virtualRow: { position: 'absolute', top: 0, left: 0, width: '100%' },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  active: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
  },
  cell: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingInline: tokens.spacingHorizontalS,
  },
  selectionCell: { display: 'flex', justifyContent: 'center', paddingInline: 0 },
  message: {
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
});
