import '../lib/polyfill.js';
import test from 'ava';
import { BadPathError, joinRel, parentOf, validateRelPath } from '../lib/core/paths.js';

const valid: Array<[name: string, input: string, expected: string]> = [
  ['plain name', 'a', 'a'],
  ['nested', 'a/b/c.txt', 'a/b/c.txt'],
  ['trailing slash normalised', 'a/b/', 'a/b'],
  ['dot file', '.bashrc', '.bashrc'],
  ['dots inside a name', 'a/..b/c..', 'a/..b/c..'],
  ['backslash is an ordinary character', 'a\\b', 'a\\b'],
  ['unicode', 'données/日本語.txt', 'données/日本語.txt'],
  ['255-byte name', 'x'.repeat(255), 'x'.repeat(255)],
];

for (const [name, input, expected] of valid) {
  test(`accepts: ${name}`, (t) => {
    t.is(validateRelPath(input), expected);
  });
}

const hostile: Array<[name: string, input: string]> = [
  ['parent escape', '../x'],
  ['escape through a subdirectory', 'a/../../b'],
  ['inner ..', 'a/../b'],
  ['absolute', '/etc/passwd'],
  ['NUL byte', 'a\0b'],
  ['empty component', 'a//b'],
  ['leading dot component', './a'],
  ['only a dot', '.'],
  ['only dot-dot', '..'],
  ['empty without allowRoot', ''],
  ['bare slash', '/'],
  ['256-byte name', 'x'.repeat(256)],
  ['256-byte name in multibyte characters', 'é'.repeat(128)],
  ['path over 4096 bytes', Array.from({ length: 20 }, () => 'y'.repeat(250)).join('/')],
];

for (const [name, input] of hostile) {
  test(`rejects: ${name}`, (t) => {
    const err = t.throws(() => validateRelPath(input), { instanceOf: BadPathError });
    t.is(err?.name, 'BadPathError');
  });
}

test('the root is allowed only when asked for', (t) => {
  t.is(validateRelPath('', { allowRoot: true }), '');
  t.throws(() => validateRelPath('/', { allowRoot: true }), { instanceOf: BadPathError });
});

test('joinRel and parentOf are inverse at the root and below', (t) => {
  t.is(joinRel('', 'a'), 'a');
  t.is(joinRel('a/b', 'c'), 'a/b/c');
  t.is(parentOf('a'), '');
  t.is(parentOf('a/b/c'), 'a/b');
  t.throws(() => parentOf(''), { instanceOf: BadPathError });
});
