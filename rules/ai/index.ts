// AI provider rules: model API keys and tokens.
import type { Rule } from '../schema.js';
import { openaiRules } from './openai.js';
import { anthropicRules } from './anthropic.js';
import { huggingfaceRules } from './huggingface.js';
import { groqRules } from './groq.js';
import { cohereRules } from './cohere.js';
import { mistralRules } from './mistral.js';
import { replicateRules } from './replicate.js';
import { perplexityRules } from './perplexity.js';
import { googleGeminiRules } from './google-gemini.js';

export const aiRules: Rule[] = [
  ...openaiRules,
  ...anthropicRules,
  ...huggingfaceRules,
  ...groqRules,
  ...cohereRules,
  ...mistralRules,
  ...replicateRules,
  ...perplexityRules,
  ...googleGeminiRules,
];
