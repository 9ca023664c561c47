import { findValues, isObject, itemsOfType } from '../page/structuredData';
import { fail, notApplicable, pass, plural, sample, warn, type Check } from './check';

const structuredDataValid: Check = {
  id: 'structured-data-valid',
  category: 'SEO',
  weight: 1,
  title: 'Valid structured data',
  howToFix: 'Fix the JSON-LD blocks the finding names so each one parses as JSON and every item has an @type; check them with a structured-data validator.',
  evaluate({ jsonLd, structuredData }) {
    if (jsonLd.length === 0) return notApplicable('The page has no JSON-LD structured data.');
    if (structuredData.errors.length > 0) {
      return fail(`Structured data has ${plural(structuredData.errors.length, 'problem')}: ${sample(structuredData.errors)}.`);
    }
    return pass(`${plural(jsonLd.length, 'JSON-LD block')} parse, and every item has a @type (${sample(structuredData.types, 5)}).`);
  },
};

/** Types that tell answer engines who is behind the page (schema.org subtypes included). */
const ENTITY_TYPES = new Set([
  'Organization', 'Corporation', 'NGO', 'EducationalOrganization', 'GovernmentOrganization', 'NewsMediaOrganization',
  'OnlineBusiness', 'OnlineStore', 'LocalBusiness', 'Store', 'Restaurant', 'ProfessionalService', 'MedicalBusiness',
  'LegalService', 'FinancialService', 'HomeAndConstructionBusiness', 'AutomotiveBusiness', 'LodgingBusiness',
  'Product', 'ProductGroup', 'Brand', 'SoftwareApplication', 'WebApplication',
]);

const entitySchema: Check = {
  id: 'entity-schema',
  category: 'AEO',
  weight: 1,
  title: 'Entity schema',
  added: 'entity schema',
  howToFix: 'Describe who is behind the page with Organization, LocalBusiness or Product structured data (JSON-LD), with its name, URL and logo.',
  evaluate({ structuredData }) {
    const found = structuredData.types.filter((type) => ENTITY_TYPES.has(type));
    return found.length > 0
      ? pass(`Structured data names the entity behind the page: ${sample(found, 5)}.`)
      : fail('No Organization, LocalBusiness or Product structured data; answer engines must guess who you are.');
  },
};

const FAQ_TYPES = new Set(['FAQPage', 'QAPage', 'HowTo']);

const faqSchema: Check = {
  id: 'faq-schema',
  category: 'AEO',
  // No longer a Google rich result, but still read by answer engines: a small bonus.
  weight: 0.25,
  title: 'FAQ schema',
  added: 'FAQ schema',
  howToFix: 'Mark up the page\'s questions and answers with FAQPage structured data (JSON-LD), each question with its answer.',
  evaluate(page) {
    const found = itemsOfType(page.structuredData.items, FAQ_TYPES);
    if (found.length === 0) {
      const questions = page.questionSections;
      return questions.length > 0
        ? fail(`The page has ${plural(questions.length, 'question heading')} but no FAQPage, QAPage or HowTo structured data.`)
        : notApplicable('The page has no questions and no FAQ structured data.');
    }
    const faqPages = found.filter((item) => item['@type'] === 'FAQPage');
    const emptyFaq = faqPages.some((item) => {
      const answers = findValues([item], 'acceptedAnswer').filter(isObject);
      return answers.length === 0;
    });
    if (emptyFaq) return warn('FAQPage structured data has no Question with an acceptedAnswer.');
    return pass(`The page has ${sample([...new Set(found.map((item) => String(item['@type'])))], 5)} structured data.`);
  },
};

export const structuredDataChecks: readonly Check[] = [structuredDataValid, entitySchema, faqSchema];
