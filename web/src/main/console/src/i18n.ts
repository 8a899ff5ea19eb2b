import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ja from './locales/ja.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
// Only the language choice is remembered in the browser; never a credential.
const STORAGE_KEY = 'zengate.language';

/** The remembered choice, else the first of the browser's languages we have, else Japanese. */
export function initialLanguage(remembered: string | null, browser: readonly string[]): Language {
  if (remembered === 'ja' || remembered === 'en') return remembered;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return 'ja';
}

export function chooseLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export function startI18n() {
  const language = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
}

export default i18n;
