import { Segmented } from 'antd';
import { languages, type Language } from '../i18n/languages';
import { setLanguage } from '../i18n/setup';
import { useT } from '../i18n/use-t';

const names: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function LanguageSwitch() {
  const { t, language } = useT();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('common.language')}
      value={language}
      options={languages.map((value) => ({
        value,
        label: <span lang={value}>{names[value]}</span>,
      }))}
      onChange={(value) => {
        setLanguage(value, { remember: true });
      }}
    />
  );
}
