// Text pools for the generated case: the mix a real points-theft case file
// holds (Japanese call notes with reception numbers, some English e-mail),
// so the trigram index and the LIKE fallback see realistic text.
import type { OrganizationRole } from '../shared/domain'

export interface OrgSpec {
  id: string
  name: string
  /** How notes refer to it in event titles. */
  short: string
  role: OrganizationRole
  /** Prefix of the reception numbers it hands out. */
  prefix: string
  phone?: string
  email?: string
  url?: string
}

export const ORGANIZATIONS: OrgSpec[] = [
  { id: 'org-tpoint', name: 'Tポイント・ジャパン カスタマーセンター', short: 'Tポイント事務局', role: 'points_operator', prefix: 'TP', phone: '0570-029-000' },
  { id: 'org-yahoo', name: 'Yahoo! JAPAN カスタマーサポート', short: 'Yahoo!サポート', role: 'platform', prefix: 'YJ', url: 'https://support.yahoo-net.jp/' },
  { id: 'org-ponta', name: 'Ponta カスタマーセンター', short: 'Pontaセンター', role: 'points_operator', prefix: 'PT', phone: '0120-000-111' },
  { id: 'org-paypay', name: 'PayPay株式会社 お客様相談窓口', short: 'PayPay窓口', role: 'platform', prefix: 'PP' },
  { id: 'org-smbc', name: '三井住友カード 不正利用窓口', short: '三井住友カード', role: 'card_issuer', prefix: 'SC', phone: '0120-000-222' },
  { id: 'org-rakuten', name: '楽天カード 不正利用調査室', short: '楽天カード', role: 'card_issuer', prefix: 'RC' },
  { id: 'org-mufg', name: '三菱UFJ銀行 新宿支店', short: '三菱UFJ銀行', role: 'bank', prefix: 'MU' },
  { id: 'org-police', name: '警視庁 新宿警察署 生活安全課', short: '新宿警察署', role: 'police', prefix: 'PD', phone: '03-0000-0110' },
  { id: 'org-cyber', name: '警視庁 サイバー犯罪相談窓口', short: 'サイバー犯罪相談窓口', role: 'police', prefix: 'CY' },
  { id: 'org-kokusen', name: '国民生活センター 消費者ホットライン', short: '消費者ホットライン', role: 'consumer_center', prefix: 'NC', phone: '188' },
  { id: 'org-famima', name: '株式会社ファミリーマート お客様相談室', short: 'ファミリーマート', role: 'other', prefix: 'FM' },
  { id: 'org-amazon', name: 'Amazon.co.jp Customer Service', short: 'Amazon support', role: 'platform', prefix: 'AZ', email: 'cs-reply@amazon.example' },
]

export const REPRESENTATIVES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', 'Ms. Johnson', 'Mr. Lee']
export const STORES = ['ファミリーマート 新宿三丁目店', 'ファミリーマート 渋谷道玄坂店', 'ENEOS 川崎SS', 'ウエルシア 横浜西口店', 'TSUTAYA 池袋店', 'ガスト 品川店']
export const CITIES = ['Osaka', 'Shenzhen', 'Ho Chi Minh City', 'Frankfurt', '福岡', '札幌']

/** `{org}`, `{ref}`, `{n}`, `{store}`, `{rep}` are filled in per event. */
export const BODY_JA = [
  '{rep}さんが対応。1週間から10日ほど調査するとのこと。',
  '不正アクセスによる被害と確認できれば補償する、との説明を受けた。',
  '本人確認のため生年月日と登録電話番号を伝えた。受付番号 {ref} を控える。',
  '{store}で{n}ポイントが利用された履歴を確認。心当たりはない旨を伝えた。',
  '警察への被害届の受理番号があれば手続きが早くなると言われた。',
  '調査結果は書面で郵送されるとのこと。届くまで2〜3週間。',
  'カードの利用停止と再発行を依頼した。再発行手数料は無料。',
  'パスワードを変更し、二段階認証を有効にした。',
  'ポイント残高 {n}pt。前回の電話から変化なし。',
  '折り返しの電話が来なかったため、再度{org}へ電話した。',
]
export const BODY_EN = [
  'Spoke to {rep}; they opened case {ref} and will investigate within 10 business days.',
  'They confirmed {n} points were redeemed at {store} without my consent.',
  'Asked for a written confirmation of the refund; they will send it by e-mail.',
  'Support says the sign-in came from a device they do not recognise.',
  'Follow-up promised by the end of the week. No call back yet.',
]
export const NOTES = ['補償の時期を再確認すること', '被害届の写しを保管', 'Check the bank statement for the refund', '家族に経緯を説明した', '次回の電話で担当者名を必ず聞く']
