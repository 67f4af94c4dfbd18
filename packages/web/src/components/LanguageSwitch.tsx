import { theme } from 'antd';
import { languages, type Language } from '../i18n/languages';
import { setLanguage } from '../i18n/setup';
import { useT } from '../i18n/use-t';

const names: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/**
 * 中文 | English, drawn like antd's small `Segmented` from the theme's tokens: it is on every
 * first view (sign-in, certificate page, the learner's home), and `Segmented` with its motion
 * is ~4 kB compressed more (ADR 0030).
 */
export function LanguageSwitch() {
  const { t, language } = useT();
  const { token } = theme.useToken();
  return (
    <div
      role="radiogroup"
      aria-label={t('common.language')}
      style={{
        display: 'inline-flex',
        padding: 2,
        gap: 2,
        borderRadius: token.borderRadiusSM,
        background: token.colorBgLayout,
      }}
    >
      {languages.map((value) => {
        const selected = value === language;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={selected}
            lang={value}
            onClick={() => {
              if (!selected) setLanguage(value, { remember: true });
            }}
            style={{
              height: token.controlHeightSM - 4,
              padding: `0 ${String(token.paddingXS - 1)}px`,
              border: 0,
              borderRadius: token.borderRadiusXS,
              font: 'inherit',
              fontSize: token.fontSize,
              lineHeight: `${String(token.controlHeightSM - 4)}px`,
              cursor: selected ? 'default' : 'pointer',
              color: selected ? token.colorText : token.colorTextSecondary,
              background: selected ? token.colorBgElevated : 'transparent',
              boxShadow: selected ? token.boxShadowTertiary : 'none',
            }}
          >
            {names[value]}
          </button>
        );
      })}
    </div>
  );
}
