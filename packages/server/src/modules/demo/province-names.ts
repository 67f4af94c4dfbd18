// The generated province's names and birthplaces (see province-generator.ts).

export const surnames = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
export const givenChars = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯婷雪琳晨欣怡佳颖思源子涵梓轩雨泽晓峰志毅海燕春梅立新振宁俊嘉',
);
// Real GB/T 2260 birthplace codes (Hunan), none of them used by the 300 demo people, so
// generated ID numbers never collide with theirs.
export const birthRegions = [
  '430111',
  '430112',
  '430121',
  '430181',
  '430202',
  '430203',
  '430302',
  '430321',
  '430402',
  '430421',
  '430502',
  '430521',
  '430602',
  '430621',
  '430702',
  '430721',
  '430802',
  '430821',
  '430902',
  '430921',
  '431002',
  '431021',
  '431102',
  '431121',
  '431202',
  '431221',
  '431302',
  '431321',
  '433101',
  '433122',
];
