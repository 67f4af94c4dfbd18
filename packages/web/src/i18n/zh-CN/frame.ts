/** The frame around pages: the menu's groups, page headers' breadcrumbs, list footers. */
export const frameMessages = {
  frame: {
    group: {
      review: '审核',
      projects: '项目',
      peopleAndOrgs: '人员与机构',
      creditEntry: '学分录入',
      system: '系统',
    },
    /** Pages without a menu entry, named in their breadcrumb until their data names them. */
    title: {
      personYear: '个人学分',
      projectAwards: '学分授予',
      awardBatch: '授予批次详情',
    },
    breadcrumb: '当前位置',
    list: {
      total: '共 {{total}} 条',
      shownOfTotal: '共 {{total}} 条，已显示 {{count}} 条',
      shownMore: '已显示 {{count}} 条，还有更多',
    },
  },
};

export type FrameMessages = typeof frameMessages;
