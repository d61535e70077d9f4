/**
 * What flows down a pipeline: objects with ordered properties, as PowerShell's PSObject has them. Values keep
 * enough of their .NET type to be formatted as PowerShell formats them (enums right-aligned in tables,
 * DateTime as the en-US short date and long time, dictionaries as `{[key, value], …}`).
 */
import type { Millis } from '../model';

export type PsValue =
  | string
  | number
  | boolean
  | null
  | { readonly kind: 'enum'; readonly value: string }
  | { readonly kind: 'date'; readonly at: Millis }
  | { readonly kind: 'timespan'; readonly ms: Millis }
  | { readonly kind: 'dictionary'; readonly entries: readonly (readonly [string, PsValue])[] }
  | { readonly kind: 'array'; readonly items: readonly PsValue[] }
  | PsObject;

export interface PsObject {
  readonly kind: 'object';
  readonly typeName: string;
  readonly props: readonly (readonly [string, PsValue])[];
  /** the type's default view, as its format data declares it; absent: PowerShell's 4-property rule */
  readonly view?: PsView;
}

export interface PsView {
  readonly kind: 'table' | 'list';
  readonly columns: readonly string[];
  /** a table grouped by this property, with a `   Name: value` header per group (Get-WinEvent's ProviderName) */
  readonly groupBy?: string;
  /** fixed column widths, where the type's format data fixes them */
  readonly widths?: Readonly<Record<string, number>>;
  /** format data that left-aligns every column (Get-VM); generated views right-align enums and numbers */
  readonly leftAligned?: boolean;
}

export const psEnum = (value: string): PsValue => ({ kind: 'enum', value });
export const psDate = (at: Millis | undefined): PsValue => (at === undefined ? null : { kind: 'date', at });

export function psObject(
  typeName: string,
  props: readonly (readonly [string, PsValue])[],
  view?: PsView,
): PsObject {
  return view ? { kind: 'object', typeName, props, view } : { kind: 'object', typeName, props };
}

export function isPsObject(value: PsValue): value is PsObject {
  return typeof value === 'object' && value !== null && value.kind === 'object';
}

/** A property by name, case-insensitively, as PowerShell looks members up. */
export function prop(obj: PsObject, name: string): PsValue | undefined {
  const lower = name.toLowerCase();
  return obj.props.find(([n]) => n.toLowerCase() === lower)?.[1];
}
