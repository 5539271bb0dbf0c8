// PyPI API tokens are macaroons: `pypi-` + base64url whose decoded bytes start with the location, so live tokens
// begin `pypi-AgEIcHlwaS5vcmc` ("pypi.org") and TestPyPI tokens `pypi-AgENdGVzdC5weXBpLm9yZw` ("test.pypi.org").
// https://pypi.org/help/#apitoken
import type { Rule } from '../schema.js';

const rotate = (site: string) => [
  `On ${site} open Account settings → API tokens and remove the leaked token.`,
  'Create a token scoped to the single project you publish, or better, configure a trusted publisher (OIDC) for your CI.',
  'Store it as a CI secret (e.g. TWINE_PASSWORD) and redeploy the release job.',
  "Check the project's release history and Security history for uploads you did not make.",
];

export const pypiRules: Rule[] = [
  {
    id: 'pypi-api-token',
    title: 'PyPI API token',
    severity: 'critical',
    keywords: ['pypi-ageichlwas5vcmc'],
    // Length: macaroons grow with their caveats and PyPI documents no length: 50–1000 is the observed range with
    // room.
    pattern: '(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{{base64url:160}}',
      'password = pypi-AgEIcHlwaS5vcmc{{base64url:180}}',
      'uv publish --token pypi-AgEIcHlwaS5vcmc{{base64url:170}}',
    ],
    negativeExamples: [
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{{base64url:20}}',
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:160}}',
      'TWINE_PASSWORD=pypi-<your-token>',
    ],
    fix: {
      env: 'TWINE_PASSWORD',
      provider: 'PyPI',
      rotate: rotate('pypi.org'),
      docs: 'https://pypi.org/help/#apitoken',
    },
    guide: {
      grants:
        'A PyPI token uploads new releases and files for every project its owner maintains (account-wide scope) or for one project.',
      risks:
        'An attacker can publish a malicious release of your package that runs on every `pip install` by your users — a supply-chain attack.',
      checkMisuse:
        "Each project's Release history and your account's Security history on pypi.org list uploads and token use; look for versions or files you did not publish.",
    },
  },
  {
    id: 'pypi-test-api-token',
    title: 'TestPyPI API token',
    severity: 'low',
    testKey: true,
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    // Length: as for pypi.org tokens, observed range.
    pattern: '(?<![A-Za-z0-9_-])(?<secret>pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'TEST_PYPI_TOKEN=pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:160}}',
      'twine upload --repository testpypi -p pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:170}} dist/*',
      'password: pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:150}}',
    ],
    negativeExamples: [
      'TEST_PYPI_TOKEN=pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:12}}',
      'TEST_PYPI_TOKEN=pypi-AgEIcHlwaS5vcmc{{base64url:160}}',
      'TEST_PYPI_TOKEN=${TEST_PYPI_TOKEN}',
    ],
    fix: {
      env: 'TEST_PYPI_TOKEN',
      provider: 'PyPI',
      rotate: rotate('test.pypi.org'),
      docs: 'https://packaging.python.org/en/latest/guides/using-testpypi/',
    },
    guide: {
      grants: 'A TestPyPI token uploads releases to test.pypi.org only, the separate index for trying out packaging.',
      risks:
        'An attacker can publish look-alike packages under your TestPyPI projects; users who install from TestPyPI could be affected, production PyPI is not.',
      checkMisuse: "Check the project's release history on test.pypi.org for uploads you did not make.",
    },
  },
];
