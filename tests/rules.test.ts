import '../lib/polyfill.js';
import test from 'ava';
import { BadRuleError, compileRules, type RuleSet } from '../lib/core/rules.js';

type Case = [path: string, isDir: boolean, included: boolean];

const fixtures: Array<{ name: string; rules: RuleSet; cases: Case[] }> = [
  {
    name: 'no rules: everything but doppel internals',
    rules: {},
    cases: [['a', false, true], ['.hidden', false, true], ['d/.env', false, true], ['.doppel', true, false], ['.doppel/state', false, false], ['x/.doppel', true, false]],
  },
  {
    name: 'basename exclude at any depth',
    rules: { exclude: ['*.tmp', 'node_modules'] },
    cases: [['a.tmp', false, false], ['x/y/a.tmp', false, false], ['a.txt', false, true], ['node_modules', true, false], ['p/node_modules/q/r.js', false, false], ['node_modules_x', true, true]],
  },
  {
    name: 'anchored exclude matches from the root only',
    rules: { exclude: ['/build', 'logs/*.log'] },
    cases: [['build', true, false], ['build/out.o', false, false], ['src/build', true, true], ['logs/a.log', false, false], ['x/logs/a.log', false, true], ['logs/sub/a.log', false, true]],
  },
  {
    name: 'directory-only exclude',
    rules: { exclude: ['cache/'] },
    cases: [['cache', true, false], ['cache', false, true], ['a/cache/f', false, false]],
  },
  {
    name: 'excluded directory prunes its subtree even if an include matches inside',
    rules: { include: ['*.db'], exclude: ['tmp'] },
    cases: [['tmp/x.db', false, false], ['data/x.db', false, true], ['data/x.txt', false, false], ['tmp', true, false]],
  },
  {
    name: 'basename include keeps every directory as a way down',
    rules: { include: ['*.db'] },
    cases: [['a', true, true], ['a/b', true, true], ['a/b/c.db', false, true], ['a/b/c.log', false, false], ['.x.db', false, true]],
  },
  {
    name: 'anchored include keeps only the directories leading to it',
    rules: { include: ['srv/data/*.img'] },
    cases: [['srv', true, true], ['srv/data', true, true], ['srv/data/vm.img', false, true], ['srv/other', true, false], ['etc', true, false], ['srv/data/deep', true, false], ['srv/data/vm.raw', false, false]],
  },
  {
    name: 'an included directory includes its subtree',
    rules: { include: ['/home'] },
    cases: [['home', true, true], ['home/u/.profile', false, true], ['var', true, false], ['var/home', true, false]],
  },
  {
    name: 'globstar include',
    rules: { include: ['var/**/*.log'] },
    cases: [['var', true, true], ['var/a/b', true, true], ['var/a/b/x.log', false, true], ['var/x.log', false, true], ['usr', true, false], ['usr/x.log', false, false]],
  },
  {
    name: 'excludes win over includes',
    rules: { include: ['*.log'], exclude: ['secret.log'] },
    cases: [['a.log', false, true], ['d/secret.log', false, false]],
  },
];

for (const f of fixtures) {
  test(f.name, (t) => {
    const match = compileRules(f.rules);
    for (const [path, isDir, included] of f.cases) t.is(match(path, isDir), included, `${path}${isDir ? '/' : ''}`);
  });
}

test('an empty pattern is refused with advice', (t) => {
  const err = t.throws(() => compileRules({ exclude: [' '] }), { instanceOf: BadRuleError });
  t.regex(err!.message, /\*\.tmp/);
});
