/**
 * Module boundaries of the server (docs/ARCHITECTURE.md, "Modules"), checked over the
 * sources without their tests: a test may import what it checks from anywhere, and the
 * folder graph is about what ships.
 */
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: [
    {
      name: 'module-repository-is-private',
      severity: 'error',
      comment:
        'a module is reached through its service: no other module imports its repository ' +
        '(the demo seed, which writes every table in bulk, is the one exception)',
      from: {
        path: '^packages/server/src/modules/([^/]+)/',
        pathNot: ['\\.test\\.ts$', '^packages/server/src/modules/demo/'],
      },
      to: {
        path: '^packages/server/src/modules/[^/]+/[^/]+\\.repository\\.ts$',
        pathNot: '^packages/server/src/modules/$1/',
      },
    },
    {
      name: 'no-module-folder-cycles',
      severity: 'error',
      comment:
        'module folders depend on each other one way: a cycle between folders is a cycle ' +
        'even when no two files import each other (tables live in platform/db/tables)',
      scope: 'folder',
      from: { path: '^packages/server/src/modules/[^/]+$' },
      to: { circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: '(node_modules|dist|drizzle)/|\\.test\\.ts$|^packages/server/test/' },
  },
};
