import { NativeSelect } from '../components/NativeSelect';
import { grantKey } from '../access';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { Text } from '../components/Type';

/** The active role and its organisation; a picker when the user holds several. */
export function RoleSwitch() {
  const { me, grant, switchGrant } = useSession();
  const { t } = useT();
  const describe = (g: typeof grant) =>
    t('layout.roleAtOrg', { role: t(`role.${g.role}`), org: g.orgName });
  if (me.roles.length < 2)
    return (
      <Text type="secondary" data-testid="active-role">
        {describe(grant)}
      </Text>
    );
  return (
    <NativeSelect<string>
      aria-label={t('layout.activeRole')}
      data-testid="active-role"
      value={grantKey(grant)}
      options={me.roles.map((g) => ({ value: grantKey(g), label: describe(g) }))}
      onChange={(key) => {
        const next = me.roles.find((g) => grantKey(g) === key);
        if (next) switchGrant(next);
      }}
    />
  );
}
