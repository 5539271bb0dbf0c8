// The built-in catalog as the build precomputes it (dist/detection.json), and its rules read back from that data.
// A commit reads every rule's id and test-key flag (to apply the configuration) but the other fields only of its
// candidate rules, a handful: so each rule's fields stay JSON text until first read. V8 parses one JSON file far
// faster than the object literals of ~200 rules with their advice and examples, and the keyword automata come
// ready-made instead of being rebuilt on every commit.
import { detectionPart, type DetectionRule } from '../../rules/schema.js';
import { catalogData, type CatalogData } from './compile.js';

/** What the build writes to dist/detection.json: plain data, read back by `precomputedRules`. */
export interface PrecomputedCatalog {
  /** The fields read of every rule, one entry per rule in catalog order. */
  ids: string[];
  testKeys: boolean[];
  /** Each rule's detection fields (`DETECTION_FIELDS`) as JSON text, parsed when the rule is first used. */
  fields: string[];
  /** The keyword indexes and automata (compile.ts `catalogData`). */
  catalog: CatalogData;
}

export function precomputeCatalog(rules: readonly DetectionRule[]): PrecomputedCatalog {
  return {
    ids: rules.map((r) => r.id),
    testKeys: rules.map((r) => r.testKey === true),
    fields: rules.map((r) => JSON.stringify(detectionPart(r))),
    catalog: catalogData(rules),
  };
}

/** The rules of a precomputed catalog, each parsing its own fields on first read. */
export function precomputedRules(data: PrecomputedCatalog): DetectionRule[] {
  return data.ids.map((id, i) => new PrecomputedRule(id, data.testKeys[i]!, data.fields[i]!));
}

/**
 * A class, not an object per rule with getters of its own: ~200 of them are made on every commit, and getters on
 * one prototype cost nothing until read. `testKey` is a plain boolean (false rather than absent).
 */
class PrecomputedRule implements DetectionRule {
  private parsed?: DetectionRule;

  constructor(
    readonly id: string,
    readonly testKey: boolean,
    private readonly json: string,
  ) {}

  private get fields(): DetectionRule {
    return (this.parsed ??= JSON.parse(this.json) as DetectionRule);
  }

  get title() {
    return this.fields.title;
  }
  get severity() {
    return this.fields.severity;
  }
  get keywords() {
    return this.fields.keywords;
  }
  get pattern() {
    return this.fields.pattern;
  }
  get flags() {
    return this.fields.flags;
  }
  get entropy() {
    return this.fields.entropy;
  }
  get verify() {
    return this.fields.verify;
  }
  get near() {
    return this.fields.near;
  }
  get pairing() {
    return this.fields.pairing;
  }
  get notOnLineWith() {
    return this.fields.notOnLineWith;
  }
  get notUnderKeyWith() {
    return this.fields.notUnderKeyWith;
  }
  get generic() {
    return this.fields.generic;
  }
  get structure() {
    return this.fields.structure;
  }
  get byPlace() {
    return this.fields.byPlace;
  }
  get decode() {
    return this.fields.decode;
  }
  get credentialWords() {
    return this.fields.credentialWords;
  }
  get files() {
    return this.fields.files;
  }
  get documented() {
    return this.fields.documented;
  }
}
