// Fake keys for tests: the expander lives beside the proof of rule examples (src/engine/example-keys.ts), where the
// build uses it too.
export { ALPHABETS, FakeKeys, seededRandom } from '../../src/engine/example-keys.js';
