import { saveFile } from '../save-file';

/** Offers a CSV the background wrote as a download. */
export const saveCsv = (file: { fileName: string; csv: string }) => saveFile({ fileName: file.fileName, text: file.csv }, 'text/csv;charset=utf-8');
