// The transport bound for `#url=` loads: stream the URL's body and count bytes, nothing else.
self.onmessage = async (event) => {
  const started = performance.now();
  const reader = (await fetch(event.data.url)).body.getReader();
  let bytes = 0;
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    chunks++;
  }
  self.postMessage({ ms: performance.now() - started, bytes, chunks });
};
