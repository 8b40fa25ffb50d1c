// Include/exclude rules of a protection, gitignore-flavoured: a pattern without '/' matches a
// name at any depth, a pattern with '/' matches the path from the root (a leading '/' only
// anchors), a trailing '/' matches directories only. Excludes win over includes, and an excluded
// directory takes its whole subtree with it.
import picomatch from 'picomatch';
import { baseName } from './paths.js';
import { UsageError } from '../errors.js';

/** Names doppel keeps for itself inside a root; never replicated, at any depth. */
export const INTERNAL_NAMES: readonly string[] = ['.doppel'];

export interface RuleSet {
  include?: string[];
  exclude?: string[];
}

/** Answers "is this entry part of the protection?" for a validated relative path. */
export type RuleMatcher = (relPath: string, isDir: boolean) => boolean;

export class BadRuleError extends UsageError {
  override name = 'BadRuleError';
}

interface Pattern {
  dirOnly: boolean;
  anchored: boolean;
  // One matcher per '/'-separated segment before the first '**' (after which any depth can match),
  // to tell whether a directory can lead to a match of an anchored pattern.
  segments: Array<(s: string) => boolean>;
  openTail: boolean;
  whole: (s: string) => boolean;
}

const PM = { dot: true } as const;

function compilePattern(raw: string): Pattern {
  let p = raw.trim();
  if (p === '' || p === '/') throw new BadRuleError(`empty rule ${JSON.stringify(raw)}; remove it or write a pattern such as '*.tmp' or 'cache/'`);
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const parts = p.split('/');
  const open = parts.findIndex((seg) => seg.includes('**'));
  const segments = (open < 0 ? parts : parts.slice(0, open)).map((seg) => picomatch(seg, PM));
  return { dirOnly, anchored, segments, openTail: open >= 0, whole: picomatch(p, PM) };
}

function matches(pat: Pattern, rel: string, isDir: boolean): boolean {
  if (pat.dirOnly && !isDir) return false;
  return pat.anchored ? pat.whole(rel) : pat.whole(baseName(rel));
}

// Could something below directory `dir` match `pat`?
function mayContainMatch(pat: Pattern, dir: string): boolean {
  if (!pat.anchored) return true;
  const parts = dir.split('/');
  if (!pat.openTail && parts.length >= pat.segments.length) return false;
  return parts.every((part, i) => i >= pat.segments.length || pat.segments[i]!(part));
}

export function compileRules(rules: RuleSet): RuleMatcher {
  const excludes = (rules.exclude ?? []).map(compilePattern);
  const includes = (rules.include ?? []).map(compilePattern);
  const internal = new Set(INTERNAL_NAMES);

  const excluded = (rel: string, isDir: boolean): boolean =>
    internal.has(baseName(rel)) || excludes.some((pat) => matches(pat, rel, isDir));

  return (relPath, isDir) => {
    // Walk from the top so an excluded ancestor prunes, and an included ancestor includes.
    let includedByAncestor = includes.length === 0;
    let i = relPath.indexOf('/');
    while (i >= 0) {
      const dir = relPath.slice(0, i);
      if (excluded(dir, true)) return false;
      if (!includedByAncestor && includes.some((pat) => matches(pat, dir, true))) includedByAncestor = true;
      i = relPath.indexOf('/', i + 1);
    }
    if (excluded(relPath, isDir)) return false;
    if (includedByAncestor || includes.some((pat) => matches(pat, relPath, isDir))) return true;
    // Directories on the way to an included entry stay, so the target can hold it.
    return isDir && includes.some((pat) => mayContainMatch(pat, relPath));
  };
}
