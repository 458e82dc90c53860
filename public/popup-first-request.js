// The popup's first request, sent while popup.html is still being parsed: a classic script runs
// at once, before the popup's modules (Preact and the UI) are fetched, compiled and evaluated, so
// the service worker's round trip overlaps with all of that. Plain JavaScript because it is not
// bundled; utils/first-screen.ts picks the pending reply up (and describes the request, which a
// unit test keeps equal to this one). README.md, 'Performance'.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const request = { type: 'accounts:list', limit: 12, codesFor: 12 };
  let pending;
  try {
    // User-timing marks: `npm run bench` prints the popup's timeline from them (README.md, 'Performance').
    globalThis.performance?.mark?.('popup:request-sent');
    pending = api.runtime.sendMessage(request).then(
      (reply) => {
        globalThis.performance?.mark?.('popup:reply');
        return { reply };
      },
      (error) => ({ error }),
    );
  } catch (error) {
    pending = Promise.resolve({ error });
  }
  globalThis.mfaFirstScreen = pending;
})();
