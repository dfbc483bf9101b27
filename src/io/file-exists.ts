import { stat } from 'node:fs/promises';

/** Whether anything (file or folder) is at the path. */
export async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
