// Checks of control API params, the daemon's edge: whatever a client sends is read here into
// the contract's types, and a refusal names the field and what it must be, so whoever wrote the
// request (a script, the CLI, the dashboard) knows what to change.
import { UsageError } from '../errors.js';

/** A request's params do not fit its method; reaches the client as code 'usage' (CLI exit 2). */
export class ParamsError extends UsageError {
  override name = 'ParamsError';
  /** The refused field ('' for the params object itself). */
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Turns a JSON value into a contract value, or undefined when it does not fit `expected`. */
export interface Check<T> {
  expected: string;
  read(value: unknown): T | undefined;
}

export const nonEmptyString: Check<string> = {
  expected: 'a non-empty string',
  read: (v) => (typeof v === 'string' && v !== '' ? v : undefined),
};

export const stringList: Check<string[]> = {
  expected: 'a list of strings',
  read: (v) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined),
};

/** A single string is read as a list of one, as the replication methods always took it. */
export const stringOrList: Check<string[]> = {
  expected: 'a string or a list of strings',
  read: (v) => (typeof v === 'string' ? [v] : stringList.read(v)),
};

export const nonNegativeNumber: Check<number> = {
  expected: 'a number of at least 0',
  read: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined),
};

export const boolean: Check<boolean> = {
  expected: 'true or false',
  read: (v) => (typeof v === 'boolean' ? v : undefined),
};

/** A value as a message shows it: short, JSON. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The fields of `raw`, the params of one request of `method`, which takes only the fields in `takes`. */
export function checkFields(method: string, raw: unknown, takes: readonly string[]): Record<string, unknown> {
  const params = raw ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) throw new ParamsError('', `the params of ${method} must be an object, not ${shown(raw)}`);
  // A field the method does not know is refused rather than ignored: it is usually a typo, and an
  // older daemon must not silently drop a setting a newer client asked for.
  for (const key of Object.keys(params)) {
    if (!takes.includes(key)) throw new ParamsError(key, `params.${key} is not a parameter of ${method}; it takes ${takes.length === 0 ? 'none' : takes.join(', ')}`);
  }
  return params as Record<string, unknown>;
}

/** Reads the fields of one request of `method` (see checkFields). */
export class ParamsReader {
  private readonly params: Record<string, unknown>;

  constructor(private readonly method: string, raw: unknown, takes: readonly string[]) {
    this.params = checkFields(method, raw, takes);
  }

  required<T>(key: string, check: Check<T>): T {
    const value = this.params[key];
    if (value == null) throw new ParamsError(key, `${this.method} needs params.${key}: ${check.expected}`);
    return this.read(key, value, check);
  }

  /** Absent, undefined and null all mean "not given". */
  optional<T>(key: string, check: Check<T>): T | undefined {
    const value = this.params[key];
    return value == null ? undefined : this.read(key, value, check);
  }

  private read<T>(key: string, value: unknown, check: Check<T>): T {
    const read = check.read(value);
    if (read === undefined) throw new ParamsError(key, `params.${key} of ${this.method} must be ${check.expected}, not ${shown(value)}`);
    return read;
  }
}
