/** Finds the case modules (`cases/<group>/<id>.ts`) and imports them. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ConformanceCase } from './conformance-case';
import type { CaseEntry } from './run-case';

/** The group of a case: its id's prefix before the first `-`, and the folder it lives in. */
export function groupOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash);
}

function caseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Why a case module does not fit its place, or null. */
function misplacement(definition: ConformanceCase, file: string): string | null {
  const id = basename(file, '.ts');
  if (definition.id !== id) {
    return `case file ${file} holds the case '${definition.id}', not '${id}'`;
  }
  const folder = basename(join(file, '..'));
  if (groupOf(id) !== folder) {
    return `case file ${file} belongs in a folder named '${groupOf(id)}'`;
  }
  return null;
}

async function loadCase(file: string): Promise<CaseEntry> {
  const id = basename(file, '.ts');
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: ConformanceCase };
    const definition = module.default;
    if (definition === undefined) {
      return { id, group: groupOf(id), definition: null, loadError: `${file} exports no case` };
    }
    const problem = misplacement(definition, file);
    return problem === null
      ? { id, group: groupOf(id), definition }
      : { id, group: groupOf(id), definition: null, loadError: problem };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      id,
      group: groupOf(id),
      definition: null,
      loadError: `cannot read case file ${file}: ${message}`,
    };
  }
}

/** The cases under `dir`, in id order. */
export async function loadCases(dir: string): Promise<CaseEntry[]> {
  const entries = await Promise.all(caseFiles(dir).map(loadCase));
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}
