/**
 * A library as either library file describes it, before the two are merged
 * (libraries.ts): what the map needs, in one shape.
 */

/**
 * How a library is run, in the words of the Libraries Hacked schema
 * (https://schema.librarydata.uk, "Type of library") and the Arts Council
 * England dataset's operation codes.
 */
export type LibraryOperation = 'council' | 'councilUnstaffed' | 'commissioned' | 'community' | 'independent';

/** Shown as the record's detail, with "(statutory)" or "(not statutory)" after it where known. */
export const OPERATION_LABELS: Record<LibraryOperation, string> = {
  council: 'Council-run library',
  councilUnstaffed: 'Council library, unstaffed',
  commissioned: 'Library run by a trust or company for the council',
  community: 'Community-run library',
  independent: 'Independent community library',
};

export interface LibraryRow {
  line: number;
  name: string;
  authority: string;
  address?: string;
  /** As published. */
  postcode: string;
  /** Unique property reference number, digits only, leading zeros dropped. */
  uprn?: string;
  statutory?: boolean;
  operation?: LibraryOperation;
  /** How the file says it is closed ("closed (year closed given)"), if it does: the reason it is left out. */
  closed?: string;
  /** Why it is not a library open to the public at a fixed place (mobile, prison, archive), if it is not. */
  notALibrary?: string;
  /** Libraries Hacked: staffed and unstaffed hours, Monday first, as published. */
  staffed?: string[];
  unstaffed?: string[];
  url?: string;
}

/** The record's detail: how it is run and whether it is part of the statutory service. */
export function libraryDetail(operation: LibraryOperation | undefined, statutory: boolean | undefined): string | undefined {
  const status = statutory === true ? 'statutory' : statutory === false ? 'not statutory' : undefined;
  if (operation) return status ? `${OPERATION_LABELS[operation]} (${status})` : OPERATION_LABELS[operation];
  return statutory === true ? 'Statutory library' : statutory === false ? 'Library (not statutory)' : undefined;
}

/** A UPRN as written ("00010034", " 100053358 ") → "10034"; undefined when it is not digits (blank, "L00988", "1.2E+10"). */
export function uprnOf(text: string): string | undefined {
  const digits = text.trim();
  return /^\d+$/.test(digits) && /[1-9]/.test(digits) ? digits.replace(/^0+/, '') : undefined;
}
