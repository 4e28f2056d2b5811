import type { FunctionTranslation } from './zh-CN';

/** The parts of functions.json (custom-functions-metadata's output) a translation touches. */
export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** Where the English metadata and the translations are out of step: a function or parameter one side
 * has and the other lacks, parameters in another order, or an empty text. */
export function translationProblems(english: FunctionsMetadata, translations: Record<string, FunctionTranslation>): string[] {
  const problems: string[] = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const fn of english.functions) {
    const translation = translations[fn.id];
    if (!translation) {
      problems.push(`${fn.id}: no zh-CN translation`);
      continue;
    }
    if (translation.description.trim() === '') problems.push(`${fn.id}: empty zh-CN description`);
    const englishNames = fn.parameters.map((p) => p.name);
    const translatedNames = Object.keys(translation.parameters);
    if (englishNames.join(',') !== translatedNames.join(',')) {
      problems.push(`${fn.id}: parameters are (${englishNames.join(', ')}), zh-CN translates (${translatedNames.join(', ')})`);
    }
    for (const [name, parameter] of Object.entries(translation.parameters)) {
      if (parameter.name.trim() === '' || parameter.description.trim() === '') problems.push(`${fn.id}.${name}: empty zh-CN name or description`);
    }
  }
  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`${id}: translated but no such custom function`);
  }
  return problems;
}

/** The zh-CN functions.json: the English metadata with each description and parameter name/description
 * replaced. Ids, names, types, dimensionality and options are kept exactly. Throws when out of step. */
export function localizeMetadata(english: FunctionsMetadata, translations: Record<string, FunctionTranslation>): FunctionsMetadata {
  const problems = translationProblems(english, translations);
  if (problems.length > 0) throw new Error(`zh-CN custom function metadata out of step:\n  ${problems.join('\n  ')}`);
  return {
    ...english,
    functions: english.functions.map((fn) => {
      const translation = translations[fn.id] as FunctionTranslation;
      return {
        ...fn,
        description: translation.description,
        parameters: fn.parameters.map((p) => {
          const t = translation.parameters[p.name] as { name: string; description: string };
          return { ...p, name: t.name, description: t.description };
        }),
      };
    }),
  };
}
