// The renderer's message modules bring their hooks, whose settings store
// reads navigator.language when it loads. Node 21 and later have a
// navigator; Node 20, which CI also runs, has none. Loaded before every test
// file (vitest.config.mts setupFiles).
if (typeof navigator === 'undefined') Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-US' }, configurable: true })
