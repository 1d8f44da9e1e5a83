/**
 * Action descriptions for hovers, from catalog-descriptions.json (about 1.1 MB). A module of its own
 * so that only the bundles that show descriptions (the language server) include the file; the CLI
 * and the rules never import it. Loaded on the first call, decoded per service.
 */
import { actionInfo, serviceActions } from './catalog';

let file: Record<string, string> | undefined;
const byService = new Map<string, Map<string, string>>();

/** What an action does, in the catalogue's words ("Grants permission to retrieve objects from Amazon S3"). */
export function actionDescription(action: string): string | undefined {
  const info = actionInfo(action);
  if (!info) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  file ??= (require('./catalog-descriptions.json') as { services: Record<string, string> }).services;
  let map = byService.get(info.service);
  if (!map) {
    // One line per action, in the catalogue's order of the service's actions.
    const lines = (file[info.service] ?? '').split('\n');
    map = new Map(serviceActions(info.service).map((a, i) => [a.name.toLowerCase(), lines[i]]));
    byService.set(info.service, map);
  }
  const d = map.get(info.name.toLowerCase());
  return d === undefined ? undefined : `Grants permission to ${d}`;
}
