// The rule engine alone, in this process, on one core: the full catalog over real source text, then each rule
// compiled into a catalog of its own, to find the rules that cost the most.
import { builtinRules } from '../../rules/index.js';
import { compileCatalog, type CompiledCatalog } from '../../src/engine/compile.js';
import { scan } from '../../src/engine/scan.js';
import { loadCorpus } from '../lib/corpus.js';
import { summarise } from '../lib/measure.js';
import { formatBytes, type Row, type Scenario } from '../lib/scenario.js';

const TARGET_CATALOG = 90;
const TARGET_RULE = 20;
const MB = 1024 * 1024;

type Corpus = ReturnType<typeof loadCorpus>;

export const engine: Scenario = {
  name: 'engine',
  async run(context) {
    const { settings, log } = context;
    const corpus = loadCorpus(settings.root, settings.sizes.corpusBytes);
    const bytes = corpus.reduce((sum, file) => sum + file.bytes, 0);
    const mbps = (ms: number) => bytes / MB / (ms / 1000);

    const catalog = compileCatalog(builtinRules);
    for (let i = 0; i < settings.warmup; i++) pass(catalog, corpus);
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < settings.runsSlow; i++) {
      const result = pass(catalog, corpus);
      times.push(result.ms);
      findings = result.findings;
    }
    const full = summarise(times);

    log(`timing ${builtinRules.length} rules one by one…`);
    const perRule = builtinRules.map((rule) => {
      const single = compileCatalog([rule]);
      return { id: rule.id, ms: pass(single, corpus).ms, catalog: single };
    });
    // A single pass can catch a pause of the machine: the slowest ten get two more passes, the best one counts.
    perRule.sort((a, b) => b.ms - a.ms);
    for (const entry of perRule.slice(0, 10)) {
      entry.ms = Math.min(entry.ms, pass(entry.catalog, corpus).ms, pass(entry.catalog, corpus).ms);
    }
    perRule.sort((a, b) => b.ms - a.ms);
    const slowest = perRule.slice(0, 5);
    const rows: Row[] = [
      {
        scenario: 'engine',
        tool: `full catalog (${builtinRules.length} rules)`,
        stats: full,
        target: `≥ ${TARGET_CATALOG} MB/s`,
        measured: `${mbps(full.median).toFixed(0)} MB/s`,
        met: mbps(full.median) >= TARGET_CATALOG,
      },
      {
        scenario: 'engine',
        tool: `slowest rule: ${slowest[0]!.id}`,
        stats: summarise([slowest[0]!.ms]),
        target: `every rule ≥ ${TARGET_RULE} MB/s`,
        measured: `${mbps(slowest[0]!.ms).toFixed(0)} MB/s`,
        met: mbps(slowest[0]!.ms) >= TARGET_RULE,
      },
    ];
    return {
      description:
        `${corpus.length} .js/.ts/.json/.md files from node_modules (${formatBytes(bytes)}; sorted by path, capped at ` +
        `${formatBytes(settings.sizes.corpusBytes)}), ` +
        `each scanned whole, on one core; ${findings} findings with the full catalog.`,
      rows,
      details: [
        'Slowest rules, each compiled into a catalog of its own (best of three passes):',
        ...slowest.map((r, i) => `${i + 1}. \`${r.id}\`: ${mbps(r.ms).toFixed(0)} MB/s (${r.ms.toFixed(0)} ms)`),
      ],
    };
  },
};

function pass(catalog: CompiledCatalog, corpus: Corpus): { ms: number; findings: number } {
  let findings = 0;
  const started = performance.now();
  for (const file of corpus) findings += scan(catalog, { path: file.path, text: file.text }).length;
  return { ms: performance.now() - started, findings };
}
