import { enUS } from './en-US';
import { type Messages, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export type MessageKey = keyof Messages;
export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Chinese unless Office (or ?lang=en outside Office) says English. */
export function localeOf(displayLanguage: string | undefined, search: string): Locale {
  const asked = new URLSearchParams(search).get('lang');
  const language = asked ?? displayLanguage ?? 'zh-CN';
  return language.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
