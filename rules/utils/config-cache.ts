/**
 * Memoises what a rule derives from its options and the shared settings (name
 * sets, split patterns) instead of rebuilding it in `create()` for every file:
 * ESLint hands a rule the same option object for every file of a config (see
 * `create-rule.ts`), and the same settings object.
 */
export function createConfigCache<Options extends object, Settings extends object, Value>(
  derive: (options: Options, settings: Settings) => Value,
): (options: Options, settings: Settings) => Value {
  const byOptions = new WeakMap<Options, WeakMap<Settings, Value>>();
  return (options, settings) => {
    let bySettings = byOptions.get(options);
    if (!bySettings) {
      bySettings = new WeakMap();
      byOptions.set(options, bySettings);
    }
    let value = bySettings.get(settings);
    if (value === undefined) {
      value = derive(options, settings);
      bySettings.set(settings, value);
    }
    return value;
  };
}

const NAME_CACHE_LIMIT = 20_000;

/**
 * A test on a name with its verdicts kept: the same names (`authenticate`,
 * `password`, `requireRole`) come back in every file. `decide` must depend on
 * nothing but the name (and what is fixed for the config). Up to 20 000 names.
 */
export function memoizeNameTest(decide: (name: string) => boolean): (name: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (name) => {
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
      verdict = decide(name);
      if (verdicts.size >= NAME_CACHE_LIMIT) verdicts.clear();
      verdicts.set(name, verdict);
    }
    return verdict;
  };
}
