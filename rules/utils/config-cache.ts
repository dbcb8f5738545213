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
