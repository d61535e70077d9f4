import { SearchBox } from '@fluentui/react-components';
import { memo, useState } from 'react';
import { formatCount } from '@/lib/format';

export interface SearchFieldProps {
  /** The text as the owner last set it; a value the box did not send replaces what is typed. */
  value: string;
  onChange: (value: string) => void;
  matchCount: number;
  label: string;
  boxClassName: string;
  countClassName: string;
}

interface Typed {
  text: string;
  /** texts sent to the owner that its `value` has not come back with yet, oldest first */
  sent: readonly string[];
  /** the owner's `value` when last rendered, to tell its changes from the box's */
  ownerValue: string;
}

/**
 * The action bar's filter box and its live count of matches. It keeps what is typed itself, so a keystroke
 * renders the box and the count, not the owner: an owner that filters where its list lives (the 10,000-VM
 * table) need not render at every key, only once the rows answering it arrive. An owner that takes each key
 * into its own state (as most do) passes it back as `value`, which the box recognises as its own text.
 */
export const SearchField = memo(function SearchField({
  value,
  onChange,
  matchCount,
  label,
  boxClassName,
  countClassName,
}: SearchFieldProps) {
  const [typed, setTyped] = useState<Typed>({ text: value, sent: [], ownerValue: value });
  let current = typed;
  if (value !== typed.ownerValue) {
    // The owner caught up with a text sent from here (it may skip some), or took a text from elsewhere (the
    // back button, a pasted link), which replaces what is typed.
    const at = typed.sent.indexOf(value);
    current =
      at >= 0
        ? { text: typed.text, sent: typed.sent.slice(at + 1), ownerValue: value }
        : { text: value, sent: [], ownerValue: value };
    setTyped(current);
  }
  return (
    <>
      <SearchBox
        className={boxClassName}
        size="small"
        aria-label={label}
        placeholder={label}
        value={current.text}
        onChange={(_event, data) => {
          setTyped((previous) => ({ ...previous, text: data.value, sent: [...previous.sent, data.value] }));
          onChange(data.value);
        }}
      />
      <span className={countClassName} aria-live="polite">
        {current.text ? `${formatCount(matchCount)} ${matchCount === 1 ? 'match' : 'matches'}` : ''}
      </span>
    </>
  );
});
