import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  // Break opportunities sit after each "/"; anywhere only if one segment alone is wider than the column.
  text: { minWidth: 0, overflowWrap: 'anywhere', fontFamily: 'inherit' },
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
            {part}
            {index < parts.length - 1 && (
              <>
                /<wbr />
              </>
            )}
          </Fragment>
        ))}
      </span>
      {copy && (
        <Tooltip content={status || 'Copy to clipboard'} relationship="description">
          <Button
            size="small"
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
