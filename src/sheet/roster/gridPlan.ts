import type { GridPlan } from '../types';
import { ROSTER_STYLES } from './styles';

/** What a roster sheet says of itself; the rest of its GridPlan is the same on every roster sheet. */
type RosterSheetParts = Omit<GridPlan, 'styles' | 'merges' | 'validations' | 'conditionalFormats' | 'names'> &
  Partial<Pick<GridPlan, 'conditionalFormats'>>;

/** A roster sheet's GridPlan: the roster's named styles, and no merges, validations or names (a roster
 * sheet is read and filtered, never filled in); conditional formats only where the sheet gives some. */
export function rosterGridPlan(parts: RosterSheetParts): GridPlan {
  return { styles: ROSTER_STYLES, merges: [], validations: [], conditionalFormats: [], names: [], ...parts };
}
