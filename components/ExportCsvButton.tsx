import type { useTask } from './useTask';
import { saveCsv } from './save-file';

/** Export CSV: as a task of the part (`run`), asks the background for the CSV (`csv`) and offers it as a download. */
export function ExportCsvButton({ run, csv, disabled }: { run: ReturnType<typeof useTask>['run']; csv: () => Promise<{ fileName: string; csv: string }>; disabled: boolean }) {
  return (
    <button type="button" class="secondary" disabled={disabled} onClick={() => void run('Exporting…', async () => saveCsv(await csv()))}>
      Export CSV
    </button>
  );
}
