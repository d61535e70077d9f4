import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  text: { minWidth: 0 },
  // The small button is 24 px tall against a 20 px line: without this, every row with a copy button stood
  // 4 px taller than its neighbours in Essentials. The button keeps its 24 px target.
  copy: { marginBlock: '-2px' },
  // Each "segment/" is atomic, so a line breaks at the <wbr> after a "/" and never at a hyphen inside a name;
  // a segment wider than the whole column is the one case that breaks inside (max-width + anywhere).
  segment: { display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere' },
  status: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** An ARM id or a directory GUID with a line break allowed after each "/", and the portal's copy button. */
export function ResourceId({ value, label, copy = true }: { value: string; label: string; copy?: boolean }) {
  const styles = useStyles();
  const [status, setStatus] = useState('');
  const parts = value.split('/');
  return (
    <span className={styles.root}>
      <span className={styles.text} data-resource-id={value}>
        {parts.map((part, index) => (
          <Fragment key={index}>
            <span className={styles.segment}>{index < parts.length - 1 ? `${part}/` : part}</span>
            {index < parts.length - 1 && <wbr />}
          </Fragment>
        ))}
      </span>
      {copy && (
        <Tooltip content={status || 'Copy to clipboard'} relationship="description">
          <Button
            size="small"
            className={styles.copy}
            appearance="transparent"
            icon={<CopyRegular />}
            aria-label={`Copy ${label}`}
            onClick={() => {
              navigator.clipboard.writeText(value).then(
                () => setStatus('Copied'),
                (error: unknown) =>
                  setStatus(
                    `Couldn't copy: ${error instanceof Error ? error.message : String(error)} Select the text and copy it yourself.`,
                  ),
              );
            }}
          />
        </Tooltip>
      )}
      <span className={styles.status} role="status">
        {status}
      </span>
    </span>
  );
}
