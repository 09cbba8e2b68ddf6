import { Notice } from './Notice';

/** Says how many stored items (`what`: "audit entries", "runs") an older version wrote that this one cannot read; nothing when none. */
export function UnreadableNotice({ count, what }: { count: number; what: string }) {
  if (count <= 0) return null;
  return (
    <Notice tone="warn">
      {count} older {what} cannot be read by this version of the extension; they are kept as they are.
    </Notice>
  );
}
