import { MESSAGE_CODES } from '@crm/shared/domain';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every text a person reads has a zh-CN and an English translation: the keys the web sources use (in
 * templates, `translate.instant`, and constants such as column labels), the prefixes of keys they build
 * (`'stage.' + s`), and every message code the API can return (`messages.<code>`).
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const I18N = join(ROOT, 'apps', 'web', 'public', 'i18n');
const LANGUAGES = ['zh-CN', 'en'] as const;

type Dictionary = { [key: string]: string | Dictionary };

/** A language's main file and every feature's file merged, as the app's loader does. */
function dictionary(lang: string): Dictionary {
  const files = readdirSync(I18N).filter((f) => f === `${lang}.json` || f.endsWith(`.${lang}.json`));
  const merge = (target: Dictionary, source: Dictionary): Dictionary => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      target[key] = typeof existing === 'object' && typeof value === 'object' ? merge({ ...existing }, value) : value;
    }
    return target;
  };
  return files.reduce((all, f) => merge(all, JSON.parse(readFileSync(join(I18N, f), 'utf8'))), {} as Dictionary);
}

function lookup(dict: Dictionary, key: string): string | Dictionary | undefined {
  return key.split('.').reduce<string | Dictionary | undefined>((node, part) => {
    return typeof node === 'object' ? node[part] : undefined;
  }, dict);
}

/** The keys of `keys` that have no text in `dict`. */
export function missingTexts(dict: Dictionary, keys: Iterable<string>): string[] {
  return [...keys].filter((key) => typeof lookup(dict, key) !== 'string');
}

/** The prefixes of `prefixes` (`stage`) that name no group of texts in `dict`. */
export function missingGroups(dict: Dictionary, prefixes: Iterable<string>): string[] {
  return [...prefixes].filter((prefix) => typeof lookup(dict, prefix) !== 'object');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

const SOURCES = [join(ROOT, 'libs', 'web'), join(ROOT, 'apps', 'web', 'src')]
  .flatMap(sourceFiles)
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const dictionaries = Object.fromEntries(LANGUAGES.map((lang) => [lang, dictionary(lang)])) as Record<
  (typeof LANGUAGES)[number],
  Dictionary
>;
/** The top-level names of the texts: a quoted `name.x.y` with one of them is a translation key. */
const namespaces = new Set(LANGUAGES.flatMap((lang) => Object.keys(dictionaries[lang])));

/** Quoted literals that look like keys of a known namespace, and the prefixes of keys built from them. */
function usedKeys(): { keys: Set<string>; prefixes: Set<string> } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const { text } of SOURCES) {
    for (const [, key] of text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)) {
      if (namespaces.has(key.split('.')[0]) && !/\.(csv|xlsx|json|html|ts|png)$/.test(key)) keys.add(key);
    }
    // 'stage.' + s, `stage.${s}`
    for (const [, prefix] of text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)*)\.(?:['"]\s*\+|\$\{)/g)) {
      if (namespaces.has(prefix.split('.')[0])) prefixes.add(prefix);
    }
  }
  return { keys, prefixes };
}

describe('translations', () => {
  const { keys, prefixes } = usedKeys();

  it('finds the keys the sources use', () => {
    expect(keys.size).toBeGreaterThan(500);
    expect(keys).toContain('errors.retry');
    expect(prefixes).toContain('servicePlans.kind');
  });

  it.each(LANGUAGES)('has a %s text for every key the web sources use', (lang) => {
    expect(missingTexts(dictionaries[lang], keys)).toEqual([]);
    expect(missingGroups(dictionaries[lang], prefixes)).toEqual([]);
  });

  it.each(LANGUAGES)('has a %s text for every message code the API can return', (lang) => {
    expect(
      missingTexts(
        dictionaries[lang],
        MESSAGE_CODES.map((code) => `messages.${code}`),
      ),
    ).toEqual([]);
  });

  it('has the same texts in zh-CN and English', () => {
    const leaves = (dict: Dictionary, prefix = ''): string[] =>
      Object.entries(dict).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
      );
    const [zh, en] = LANGUAGES.map((lang) => leaves(dictionaries[lang]));
    expect(missingTexts(dictionaries.en, zh)).toEqual([]);
    expect(missingTexts(dictionaries['zh-CN'], en)).toEqual([]);
  });

  it('loads every feature file of texts', () => {
    const config = readFileSync(join(ROOT, 'apps', 'web', 'src', 'app', 'app.config.ts'), 'utf8');
    const parts = readdirSync(I18N)
      .map((f) => /^(.+)\.en\.json$/.exec(f)?.[1])
      .filter((part): part is string => !!part);
    expect(parts.filter((part) => !config.includes(`'${part}'`))).toEqual([]);
  });

  it('reports a key or a message code without a text', () => {
    const dict = dictionaries['zh-CN'];
    expect(missingTexts(dict, ['errors.retry', 'errors.noSuchMadeUpKey', 'messages.import.noSuchCode'])).toEqual([
      'errors.noSuchMadeUpKey',
      'messages.import.noSuchCode',
    ]);
    expect(missingTexts(dict, ['errors'])).toEqual(['errors']);
    expect(missingGroups(dict, ['stage', 'noSuchGroup'])).toEqual(['noSuchGroup']);
  });
});
