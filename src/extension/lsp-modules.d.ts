// See src/server/lsp-modules.d.ts: maps the client package's `exports` entries to their typings
// for `moduleResolution: node`.
declare module 'vscode-languageclient' {
  export * from 'vscode-languageclient/lib/common/api';
}
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
declare module 'vscode-languageclient/browser' {
  export * from 'vscode-languageclient/lib/browser/main';
}
