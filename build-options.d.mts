import type { BuildOptions } from 'esbuild';

export function pluginOptions(opts?: { production?: boolean; outfile?: string }): BuildOptions;
export function cliOptions(opts?: { outfile?: string }): BuildOptions;
