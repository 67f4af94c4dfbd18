import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Tag, TreeSelect } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org, OrgKind } from '@jijiao/contracts';
import { fetchOrg, listOrgs } from '../api';
import { useT } from '../i18n/use-t';

/** Kinds that never have organisations below them: no expand arrow. */
const leafKinds: ReadonlySet<OrgKind> = new Set(['unit', 'host', 'platform', 'hr_platform']);
const maxPerLevel = 2_000;

/** Every child of `parentId` (the caller's scope roots when undefined), following cursors. */
async function loadLevel(parentId: string | undefined): Promise<Org[]> {
  const orgs: Org[] = [];
  let after: string | undefined;
  do {
    const page = await listOrgs({ parentId, limit: 500, after });
    orgs.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined && orgs.length < maxPerLevel);
  return orgs;
}

interface TreeNode {
  value: string;
  /** In the tree: the name and kind; once picked, the name alone. */
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  selectable: boolean;
  disabled?: boolean;
  children?: TreeNode[];
}

export interface OrgTreeSelectProps {
  id?: string;
  value?: string | undefined;
  onChange?: (orgId: string | undefined, org: Org | undefined) => void;
  /** Only these kinds can be picked; the others are there to open. */
  selectableKinds?: readonly OrgKind[];
  /** Shown but not pickable (e.g. orgs already in a review chain). */
  disabledIds?: readonly string[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Picks an organisation from the caller's scope, loading each level of the tree when it is
 * opened. Works as an antd form control (`value` / `onChange` of the org id).
 */
export function OrgTreeSelect({
  value,
  onChange,
  selectableKinds,
  disabledIds,
  placeholder,
  allowClear = true,
  style,
  ...rest
}: OrgTreeSelectProps) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: ['orgs', 'tree', null], queryFn: () => loadLevel(undefined) });
  const [children, setChildren] = useState<ReadonlyMap<string, Org[]>>(new Map());

  const known = useMemo(() => {
    const byId = new Map<string, Org>();
    for (const org of roots.data ?? []) byId.set(org.id, org);
    for (const level of children.values()) for (const org of level) byId.set(org.id, org);
    return byId;
  }, [roots.data, children]);

  // A value set from the URL before its branch was opened: fetch its name.
  const selected = useQuery({
    queryKey: ['orgs', 'one', value ?? null],
    queryFn: () => fetchOrg(value ?? ''),
    enabled: value !== undefined && !known.has(value),
  });
  const selectedOrg = value === undefined ? undefined : (known.get(value) ?? selected.data);

  const treeData = useMemo(() => {
    const disabled = new Set(disabledIds);
    const toNode = (org: Org): TreeNode => {
      const below = children.get(org.id);
      return {
        value: org.id,
        label: org.name,
        title: (
          <span>
            {org.name}{' '}
            <Tag variant="filled" style={{ marginInlineStart: 4 }}>
              {t(`orgKind.${org.kind}`)}
            </Tag>
          </span>
        ),
        isLeaf: leafKinds.has(org.kind) || below?.length === 0,
        selectable: selectableKinds === undefined || selectableKinds.includes(org.kind),
        ...(disabled.has(org.id) ? { disabled: true } : {}),
        ...(below ? { children: below.map(toNode) } : {}),
      };
    };
    return (roots.data ?? []).map(toNode);
  }, [roots.data, children, selectableKinds, disabledIds, t]);

  return (
    <TreeSelect<{ value: string; label: ReactNode } | undefined>
      {...rest}
      labelInValue
      value={
        value === undefined ? undefined : { value, label: selectedOrg ? selectedOrg.name : value }
      }
      onChange={(picked) => {
        const id = picked?.value;
        onChange?.(id, id === undefined ? undefined : known.get(id));
      }}
      treeData={treeData}
      loadData={async (node) => {
        const parentId = String(node.value);
        if (children.has(parentId)) return;
        const level = await queryClient.query({
          queryKey: ['orgs', 'tree', parentId],
          queryFn: () => loadLevel(parentId),
        });
        setChildren((current) => new Map(current).set(parentId, level));
      }}
      loading={roots.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      treeNodeLabelProp="label"
      style={{ minWidth: 220, ...style }}
    />
  );
}
