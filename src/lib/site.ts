/** Site-wide values every page reads: the parsed config, its paths and the dictionary. */
import { siteConfig } from '../site.config.ts';
import { createPaths } from '../utils/paths.ts';

export { siteConfig };
export { t } from '../i18n/id.ts';
export const paths = createPaths(siteConfig.baseUrl);
