// The parse lower bound: stream the Blob (or the URL), decode UTF-8 and count lines, nothing else.
// Same browser, same worker setup, same in-memory file as the real parse, so the ratio is fair.
self.onmessage = async (event) => {
  const started = performance.now();
  const { blob, url } = event.data;
  const reader = (blob ? blob.stream() : (await fetch(url)).body).getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    const text = decoder.decode(value, { stream: true });
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  }
  self.postMessage({ ms: performance.now() - started, bytes, lines });
};
