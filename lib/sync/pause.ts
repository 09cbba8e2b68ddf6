/**
 * Why a run paused: a failure no single record explains, which someone must fix before the run can
 * go on (with `resume`). The message says what happened and what to do.
 * - intune-sign-in: the Microsoft sign-in ended or was refused: sign in again;
 * - intune-access: a Graph permission or the Intune role is missing;
 * - intune-unavailable / asset-panda-unavailable: the service kept failing or throttling;
 * - intune-answer / asset-panda-answer: the service answered in a shape the extension cannot read;
 * - asset-panda-key: the API key was refused or may not do this;
 * - asset-panda-locked: the Access Key Secret is locked or not set up in this browser;
 * - collection-missing / field-missing: the collection or a mapped field is gone;
 * - mapping-invalid: the collection changed so that the mapping no longer fits it (a field retyped,
 *   a field now required); edit the mapping;
 * - unexpected: anything else (the message carries the detail).
 */
export const PAUSE_CODES = [
  'intune-sign-in',
  'intune-access',
  'intune-unavailable',
  'intune-answer',
  'asset-panda-key',
  'asset-panda-locked',
  'asset-panda-unavailable',
  'asset-panda-answer',
  'collection-missing',
  'field-missing',
  'mapping-invalid',
  'unexpected',
] as const;

export type PauseCode = (typeof PAUSE_CODES)[number];

export interface SyncPause {
  code: PauseCode;
  message: string;
  /** Epoch ms. */
  at: number;
}
