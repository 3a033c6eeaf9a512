import * as iconSet from './app.icon-set';

/** Icons bundled with the app (no icon is fetched at run time). */
export const appIcons = Object.values(iconSet);
