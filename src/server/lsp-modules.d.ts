// tsconfig uses `moduleResolution: node`, which ignores package.json `exports` (the only way the
// LSP packages v9+ name their entry points); these map each entry to its typings. esbuild and
// Node resolve the real files through `exports`. Delete this file if tsconfig moves to
// `moduleResolution: bundler` or `node16`.
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-jsonrpc/browser' {
  export * from 'vscode-jsonrpc/lib/browser/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver-protocol/browser' {
  export * from 'vscode-languageserver-protocol/lib/browser/main';
}
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver/browser' {
  export * from 'vscode-languageserver/lib/browser/main';
}
