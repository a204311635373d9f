/** The two languages of the dashboard: Vietnamese by default, English on request. */
export type Lang = 'vi' | 'en';

/** Picks the text of the request's language. */
export type Translate = (vi: string, en: string) => string;

/** A translator for one language. */
export const translator = (lang: Lang): Translate => (vi, en) => (lang === 'vi' ? vi : en);

/** Assignment states as the board names them (the same words as `par directives`). */
export const STATE_NAMES: Record<Lang, Record<string, string>> = {
  vi: { issued: 'mới giao', acknowledged: 'đã tiếp nhận', inProgress: 'đang thực hiện', returned: 'trả lại', extensionRequested: 'xin gia hạn', reported: 'đã báo cáo', underReview: 'đang xem xét', done: 'hoàn thành', cancelled: 'đã hủy' },
  en: { issued: 'issued', acknowledged: 'acknowledged', inProgress: 'in progress', returned: 'returned', extensionRequested: 'extension requested', reported: 'reported', underReview: 'under review', done: 'done', cancelled: 'cancelled' },
};

/** Assessment statuses. */
export const ASSESSMENT_STATUS: Record<Lang, Record<string, string>> = {
  vi: { draft: 'bản nháp', submitted: 'đã nộp', underAppraisal: 'đang thẩm định', explained: 'đã giải trình', appraised: 'đã thẩm định', published: 'đã công bố' },
  en: { draft: 'draft', submitted: 'submitted', underAppraisal: 'under appraisal', explained: 'explained', appraised: 'appraised', published: 'published' },
};

/** Finding severities, most severe first. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;

/** Severity names. */
export const SEVERITY_NAMES: Record<Lang, Record<string, string>> = {
  vi: { critical: 'nghiêm trọng', major: 'lớn', minor: 'nhỏ', info: 'thông tin' },
  en: { critical: 'critical', major: 'major', minor: 'minor', info: 'info' },
};

/** The roles a demo sign-in offers, with what the policy lets them do (`data/policy-phong-tho.json`). */
export const ROLE_NAMES: Record<Lang, Record<string, string>> = {
  vi: { officer: 'Cán bộ (xã: tự đánh giá, báo cáo nhiệm vụ; phòng Nội vụ: thẩm định)', leader: 'Lãnh đạo UBND (giao, xem xét, gia hạn, hủy)', admin: 'Quản trị' },
  en: { officer: 'Officer (commune: self-assessment, reports; Home Affairs: appraisal)', leader: 'People\'s Committee leader (issue, review, extend, cancel)', admin: 'Administrator' },
};

/** Roles in a few words, for the header. */
export const ROLE_SHORT: Record<Lang, Record<string, string>> = {
  vi: { officer: 'cán bộ', leader: 'lãnh đạo', admin: 'quản trị' },
  en: { officer: 'officer', leader: 'leader', admin: 'administrator' },
};
