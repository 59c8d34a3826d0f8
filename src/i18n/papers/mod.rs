//! The words of the papers steerdeck drafts after a meeting — the conclusion notice, the progress
//! report, the status workbook — in Vietnamese and English, and who issues them (a
//! [`Letterhead`], the 2025 plan's issuer unless the settings file says otherwise).

use chrono::{Datelike, NaiveDate};

use super::Lang;

mod refusal;
mod words;

pub use refusal::{Refusal, refusal, written};
pub use words::{W, word};

/// Who issues a paper and how it is signed: the settings file's `[papers]` section over
/// [`Letterhead::default_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// The body above the issuer, if any (upper case in the head), e.g. "BỘ TƯ PHÁP" over a
    /// steering committee.
    pub parent: Option<String>,
    /// The issuing body ("BỘ TƯ PHÁP").
    pub issuer: String,
    /// Its abbreviation in the number ("Số: …/TB-BTP").
    pub symbol: String,
    /// Where the paper is issued ("Hà Nội").
    pub place: String,
    /// The chair's title in the notice's summary line ("Thứ trưởng").
    pub chair_title: String,
    /// The signer's title block, line by line ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG").
    pub signer_title: Vec<String>,
    /// The signer's name; without it, the meeting's chair.
    pub signer_name: Option<String>,
    /// "Nơi nhận:" lines, without the final archive line.
    pub recipients: Vec<String>,
    /// The archive line's units ("VT, CNTT": "- Lưu: VT, CNTT.").
    pub archive: String,
}

impl Letterhead {
    /// The 2025 plan's issuer (Quyết định 2595/QĐ-BTP): the Ministry of Justice, Hà Nội.
    pub fn default_for(lang: Lang) -> Letterhead {
        let v = |vi: &str, en: &str| match lang {
            Lang::Vi => vi.to_string(),
            Lang::En => en.to_string(),
        };
        Letterhead {
            parent: None,
            issuer: v("BỘ TƯ PHÁP", "MINISTRY OF JUSTICE"),
            symbol: "BTP".into(),
            place: v("Hà Nội", "Hanoi"),
            chair_title: v("Thứ trưởng", "Deputy Minister"),
            signer_title: vec![
                v("KT. BỘ TRƯỞNG", "FOR THE MINISTER"),
                v("THỨ TRƯỞNG", "DEPUTY MINISTER"),
            ],
            signer_name: None,
            recipients: vec![
                v("Bộ trưởng (để báo cáo)", "The Minister (to report)"),
                v(
                    "Các Thứ trưởng (để biết)",
                    "The Deputy Ministers (for information)",
                ),
                v(
                    "Thành viên Ban Chỉ đạo chuyển đổi số Ngành Tư pháp",
                    "Members of the Steering Committee for Digital Transformation of the Justice Sector",
                ),
                v(
                    "Các đơn vị thuộc Bộ (để thực hiện)",
                    "The Ministry's units (to carry out)",
                ),
            ],
            archive: v("VT, CNTT", "Records, IT Department"),
        }
    }
}

/// The place and date line: "Hà Nội, ngày 15 tháng 7 năm 2025" (days below 10 and months 1–2
/// with a leading zero, as Nghị định 30/2020 writes them); "Hanoi, 15 July 2025".
pub fn place_date(lang: Lang, place: &str, d: NaiveDate) -> String {
    match lang {
        Lang::Vi => {
            let month = if d.month() <= 2 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!(
                "{place}, ngày {:02} tháng {month} năm {}",
                d.day(),
                d.year()
            )
        }
        Lang::En => format!("{place}, {}", d.format("%-d %B %Y")),
    }
}

/// The number line with the number left blank: "Số: …/TB-BTP".
pub fn number_line(lang: Lang, kind: &str, symbol: &str) -> String {
    match lang {
        Lang::Vi => format!("Số: …/{kind}-{symbol}"),
        Lang::En => format!("No. …/{kind}-{symbol}"),
    }
}

/// The chair with the title before the name, once: "Thứ trưởng Nguyễn Văn A" whether the
/// meeting recorded the chair as "Nguyễn Văn A" or already as "Thứ trưởng Nguyễn Văn A".
pub fn titled(chair_title: &str, chair: &str) -> String {
    let (title, name) = (chair_title.trim(), chair.trim());
    if title.is_empty() || bare_name(title, name) != name {
        return name.to_string();
    }
    format!("{title} {name}").trim().to_string()
}

/// The name without the title in front, if it was written with it (for the signature).
pub fn bare_name<'a>(chair_title: &str, chair: &'a str) -> &'a str {
    let (title, name) = (chair_title.trim(), chair.trim());
    if title.is_empty() {
        return name;
    }
    match name.get(..title.len()) {
        Some(head) if head.to_lowercase() == title.to_lowercase() => {
            let rest = name[title.len()..].trim_start();
            if rest.is_empty() { name } else { rest }
        }
        _ => name,
    }
}

/// The notice's summary line: "Kết luận của Thứ trưởng Nguyễn Văn A tại cuộc họp …".
pub fn notice_summary(lang: Lang, chair_title: &str, chair: &str, meeting: &str) -> String {
    let who = titled(chair_title, chair);
    let what = strip_meeting_word(meeting);
    match lang {
        Lang::Vi => format!("Kết luận của {who} tại cuộc họp {what}"),
        Lang::En => format!("Conclusions of {who} at the meeting: {what}"),
    }
}

/// "Họp Ban Chỉ đạo …" → "Ban Chỉ đạo …", so that "cuộc họp" is not said twice.
fn strip_meeting_word(title: &str) -> &str {
    let t = title.trim();
    for p in ["Cuộc họp ", "cuộc họp ", "Họp ", "họp "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest;
        }
    }
    t
}

/// The notice's opening: the day, the chair, who attended, then "kết luận như sau:".
pub fn notice_opening(
    lang: Lang,
    day: NaiveDate,
    chair_title: &str,
    chair: &str,
    meeting: &str,
    attendees: &[String],
) -> String {
    let who = titled(chair_title, chair);
    let date = super::format::date(day);
    let what = strip_meeting_word(meeting);
    match lang {
        Lang::Vi => {
            let with = if attendees.is_empty() {
                String::new()
            } else {
                format!(" Tham dự cuộc họp có: {}.", attendees.join("; "))
            };
            format!(
                "Ngày {date}, {who} chủ trì cuộc họp {what}.{with} Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, {who} {}",
                word(lang, W::Concludes)
            )
        }
        Lang::En => {
            let with = if attendees.is_empty() {
                String::new()
            } else {
                format!(" Attending: {}.", attendees.join("; "))
            };
            format!(
                "On {date}, {who} chaired the meeting: {what}.{with} Having heard the reports and the views of those present, {who} {}",
                word(lang, W::Concludes)
            )
        }
    }
}

/// The report's summary line: "Tình hình thực hiện Kế hoạch … (đến ngày 15/07/2025)".
pub fn report_summary(lang: Lang, plan_title: &str, as_of: NaiveDate) -> String {
    let date = super::format::date(as_of);
    match lang {
        Lang::Vi => format!("Tình hình thực hiện {plan_title} (tính đến ngày {date})"),
        Lang::En => format!("Progress of the {plan_title} (as of {date})"),
    }
}

/// The reminder's summary line for one unit.
pub fn reminder_summary(lang: Lang, unit: &str, as_of: NaiveDate) -> String {
    let date = super::format::date(as_of);
    match lang {
        Lang::Vi => format!("Gửi: {unit} (tính đến ngày {date})"),
        Lang::En => format!("To: {unit} (as of {date})"),
    }
}

/// The heading of what changed since a day.
pub fn changes_since(lang: Lang, since: NaiveDate) -> String {
    let date = super::format::date(since);
    match lang {
        Lang::Vi => format!("{} TỪ NGÀY {date}", word(lang, W::Changes)),
        Lang::En => format!("{} SINCE {date}", word(lang, W::Changes)),
    }
}

/// "Tính đến ngày 15/07/2025, {counts}." — the general assessment's first sentence.
pub fn as_of_sentence(lang: Lang, as_of: NaiveDate, counts: &str) -> String {
    let date = super::format::date(as_of);
    match lang {
        Lang::Vi => format!("Tính đến ngày {date}, {counts}."),
        Lang::En => format!("As of {date}: {counts}."),
    }
}

/// What introduces the list of overdue tasks in the assessment.
pub fn overdue_intro(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Các nhiệm vụ quá hạn chưa hoàn thành (đơn vị chủ trì)",
        Lang::En => "Overdue tasks not done (lead unit)",
    }
}

/// The archive line: "Lưu: VT, CNTT.".
pub fn archive_line(lang: Lang, units: &str) -> String {
    match lang {
        Lang::Vi => format!("Lưu: {units}."),
        Lang::En => format!("File: {units}."),
    }
}

/// The start of a paper's file name, without accents or spaces ("thong-bao-ket-luan").
pub fn file_stem(lang: Lang, what: W) -> &'static str {
    match (lang, what) {
        (Lang::Vi, W::MenuNotice) => "thong-bao-ket-luan",
        (Lang::Vi, W::MenuWorkbook) => "bang-tong-hop",
        (Lang::Vi, _) => "bao-cao-tien-do",
        (Lang::En, W::MenuNotice) => "conclusion-notice",
        (Lang::En, W::MenuWorkbook) => "status-workbook",
        (Lang::En, _) => "progress-report",
    }
}

/// A Roman numeral for a section (1 → "I"); up to 20.
pub fn roman(n: usize) -> &'static str {
    const R: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    R.get(n.saturating_sub(1)).copied().unwrap_or("XX")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_said_once() {
        assert_eq!(
            titled("Thứ trưởng", "Nguyễn Văn A"),
            "Thứ trưởng Nguyễn Văn A"
        );
        assert_eq!(
            titled("Thứ trưởng", "Thứ trưởng Nguyễn Văn A"),
            "Thứ trưởng Nguyễn Văn A"
        );
        assert_eq!(
            titled("Thứ trưởng", "thứ trưởng Nguyễn Văn A"),
            "thứ trưởng Nguyễn Văn A"
        );
        assert_eq!(
            bare_name("Thứ trưởng", "Thứ trưởng Nguyễn Văn A"),
            "Nguyễn Văn A"
        );
        assert_eq!(bare_name("Thứ trưởng", "Nguyễn Văn A"), "Nguyễn Văn A");
        assert_eq!(bare_name("Thứ trưởng", "Thứ trưởng"), "Thứ trưởng");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn dates_as_the_decree_writes_them() {
        assert_eq!(
            place_date(Lang::Vi, "Hà Nội", d(2025, 7, 15)),
            "Hà Nội, ngày 15 tháng 7 năm 2025"
        );
        assert_eq!(
            place_date(Lang::Vi, "Hà Nội", d(2025, 1, 5)),
            "Hà Nội, ngày 05 tháng 01 năm 2025"
        );
        assert_eq!(
            place_date(Lang::Vi, "Huế", d(2025, 12, 31)),
            "Huế, ngày 31 tháng 12 năm 2025"
        );
        assert_eq!(
            place_date(Lang::En, "Hanoi", d(2025, 7, 5)),
            "Hanoi, 5 July 2025"
        );
    }

    #[test]
    fn the_summary_line_says_meeting_once() {
        assert_eq!(
            notice_summary(
                Lang::Vi,
                "Thứ trưởng",
                "Nguyễn Văn A",
                "Họp Ban Chỉ đạo sơ kết"
            ),
            "Kết luận của Thứ trưởng Nguyễn Văn A tại cuộc họp Ban Chỉ đạo sơ kết"
        );
    }

    #[test]
    fn every_word_in_both_languages() {
        use strum::IntoEnumIterator;
        for w in W::iter() {
            assert!(!word(Lang::Vi, w).is_empty());
            assert!(!word(Lang::En, w).is_empty());
            assert_ne!(word(Lang::Vi, w), word(Lang::En, w), "{w:?}");
        }
    }
}
