// The URL of the heap flame reader's WebAssembly file in the app build, null elsewhere (the dev
// server and the tests read the base64 module instead): tools/heap-flame-wasm-plugin.ts.
declare module 'virtual:heap-flame-wasm-url' {
  const url: string | null;
  export default url;
}
