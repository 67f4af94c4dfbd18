/** Layer rules: the domain and the contracts stay pure; nothing reaches into the server from below. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain is data in, data out: no server, web, cli, contracts or node:* imports',
      from: { path: '^packages/domain/' },
      to: {
        path: '^packages/(server|web|cli|contracts)/|^(node:|fs|path|os|child_process|http|https|net|crypto)$',
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-are-pure',
      severity: 'error',
      comment: 'contracts hold zod schemas shared by server, web and CLI',
      from: { path: '^packages/contracts/' },
      to: { path: '^packages/(server|web|cli|domain)/' },
    },
    {
      name: 'contracts-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/(server|cli)/' },
    },
    {
      name: 'server-not-cli-or-web',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(cli|web)/src' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: 'node_modules' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|drizzle)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
