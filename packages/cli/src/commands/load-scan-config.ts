import { dirname } from 'node:path';
import redline from 'eslint-plugin-redline';
import { loadConfig } from '../config/load-config.js';
import type { RedlineConfig } from '../config/redline-config.js';

/** The validated config for a scan from `cwd` and the folder its `ignores` are relative to. */
export async function loadScanConfig(cwd: string, configPath: string | undefined): Promise<{ config: RedlineConfig; configDirectory: string }> {
  const loaded = await loadConfig({ cwd, ...(configPath ? { configPath } : {}), knownRules: Object.keys(redline.rules).sort() });
  return { config: loaded.config, configDirectory: loaded.filepath ? dirname(loaded.filepath) : cwd };
}
