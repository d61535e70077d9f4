import { makeStyles, tokens } from '@fluentui/react-components';

export const useConnectionsPageStyles = makeStyles({
  nameCell: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  typeIcon: { flexShrink: 0, fontSize: '16px', color: tokens.colorNeutralForeground2 },
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  statusDetail: { color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalXS },
});
