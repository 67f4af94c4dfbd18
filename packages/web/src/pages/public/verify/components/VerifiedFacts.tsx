import { Descriptions } from 'antd';
import type { CertificateVerification } from '@jijiao/contracts';
import { certificateCreditsText } from '../../../../components/certificate/certificate-text';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import { CopyButton } from '../../../../components/CopyButton';

/**
 * What the certificate says, as signed, to compare with the paper. The server sends it only
 * when the signature verifies; the holder's name and ID number come masked.
 */
export function VerifiedFacts({ verification: v }: { verification: CertificateVerification }) {
  const { t } = useT();
  const items = [
    {
      key: 'serial',
      label: t('certificate.serial'),
      children: (
        <span>
          {v.serial}
          <CopyButton text={v.serial} />
        </span>
      ),
    },
    ...(v.holder
      ? [
          { key: 'holder', label: t('certificate.holder'), children: v.holder.name },
          { key: 'idNumber', label: t('certificate.idNumber'), children: v.holder.idNumberMasked },
        ]
      : []),
    ...(v.year === undefined
      ? []
      : [
          {
            key: 'year',
            label: t('certificate.year'),
            children: t('certificate.yearValue', { year: v.year }),
          },
        ]),
    ...(v.credits
      ? [
          {
            key: 'credits',
            label: t('certificate.credits'),
            children: certificateCreditsText(t, v.credits),
          },
        ]
      : []),
    ...(v.hoursEquivalent
      ? [
          {
            key: 'hours',
            label: t('certificate.hours'),
            children: t('certificate.hoursValue', { hours: v.hoursEquivalent }),
          },
        ]
      : []),
    ...(v.issuer ? [{ key: 'issuer', label: t('certificate.issuer'), children: v.issuer }] : []),
    ...(v.issuedOn
      ? [{ key: 'issuedOn', label: t('certificate.issuedOn'), children: v.issuedOn }]
      : []),
    ...(v.revokedAt
      ? [
          {
            key: 'revokedAt',
            label: t('certificate.revokedAt'),
            children: formatDateTime(v.revokedAt),
          },
        ]
      : []),
    ...(v.revokedReason
      ? [
          {
            key: 'revokedReason',
            label: t('certificate.revokedReason'),
            children: <span data-testid="verify-revoked-reason">{v.revokedReason}</span>,
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      items={items}
      data-testid="verify-facts"
      styles={{ label: { width: 104 } }}
    />
  );
}
