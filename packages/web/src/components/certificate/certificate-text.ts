import type { CertificateCredits } from '@jijiao/contracts';
import type { Translate } from '../../i18n/use-t';

/** Credits as printed on the certificate: one decimal place. */
const oneDecimal = (credits: number) => credits.toFixed(1);

/** `25.0 学分（Ⅰ类 10.0，Ⅱ类 15.0）`, or the total alone where the rules have no classes. */
export function certificateCreditsText(t: Translate, credits: CertificateCredits): string {
  const total = t('certificate.creditsValue', { credits: oneDecimal(credits.total) });
  const { I, II } = credits.byClass;
  const classes = [
    ...(I === undefined ? [] : [t('certificate.classI', { credits: oneDecimal(I) })]),
    ...(II === undefined ? [] : [t('certificate.classII', { credits: oneDecimal(II) })]),
  ];
  return classes.length === 0
    ? total
    : t('certificate.creditsWithClasses', {
        total,
        classes: classes.join(t('certificate.separator')),
      });
}
