//! Tests of timeframe reading: the plan's wordings, deadlines, and properties.

use super::*;
use proptest::prelude::*;
use proptest::sample::select;

use Want::{By, NoDeadline, Period, Unreadable};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// A period with a start.
fn from_to(start: (i32, u32, u32), end: (i32, u32, u32)) -> TimeframeReading {
    TimeframeReading::Period {
        start: Some(d(start.0, start.1, start.2)),
        end: d(end.0, end.1, end.2),
    }
}

/// A deadline with no start.
fn by(y: i32, m: u32, day: u32) -> TimeframeReading {
    TimeframeReading::Period {
        start: None,
        end: d(y, m, day),
    }
}

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

/// An expected reading, written so the table can be a constant.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// A period from the first date to the second.
    Period((i32, u32, u32), (i32, u32, u32)),
    /// A deadline with no start.
    By(i32, u32, u32),
    NoDeadline,
    Unreadable,
}

impl Want {
    fn reading(self) -> TimeframeReading {
        match self {
            Want::Period(s, e) => from_to(s, e),
            Want::By(y, m, day) => by(y, m, day),
            Want::NoDeadline => TimeframeReading::NoDeadline,
            Want::Unreadable => TimeframeReading::Unreadable,
        }
    }
}

const NONE: Option<i32> = None;
const Y25: Option<i32> = Some(2025);

/// Timeframe text, plan year, expected reading.
const TABLE: &[(&str, Option<i32>, Want)] = &[
    // Every timeframe in the 2025 plan's appendix.
    ("Quý I/2025", NONE, Period((2025, 1, 1), (2025, 3, 31))),
    ("Quý III/2025", NONE, Period((2025, 7, 1), (2025, 9, 30))),
    ("Quý IV/2025", NONE, Period((2025, 10, 1), (2025, 12, 31))),
    ("Theo Kế hoạch hoạt động của Ban Chỉ đạo", NONE, NoDeadline),
    ("Năm 2025", NONE, Period((2025, 1, 1), (2025, 12, 31))),
    ("Theo Kế hoạch triển khai Đề án", NONE, NoDeadline),
    ("Quý I- II/2025", NONE, Period((2025, 1, 1), (2025, 6, 30))),
    ("Thường xuyên", NONE, NoDeadline),
    ("Năm 2024- 2025", NONE, Period((2024, 1, 1), (2025, 12, 31))),
    (
        "Năm 2024 - 2027",
        NONE,
        Period((2024, 1, 1), (2027, 12, 31)),
    ),
    // Quarters.
    ("Quý 2/2025", NONE, Period((2025, 4, 1), (2025, 6, 30))),
    ("Quý 2 năm 2025", NONE, Period((2025, 4, 1), (2025, 6, 30))),
    ("quý II - 2025", NONE, Period((2025, 4, 1), (2025, 6, 30))),
    ("Quý III/2025.", NONE, Period((2025, 7, 1), (2025, 9, 30))),
    ("QUÝ IV / 2025", NONE, Period((2025, 10, 1), (2025, 12, 31))),
    ("Quí 1/2026", NONE, Period((2026, 1, 1), (2026, 3, 31))),
    ("Quý I-II/2025", NONE, Period((2025, 1, 1), (2025, 6, 30))),
    ("Quý I – II/2025", NONE, Period((2025, 1, 1), (2025, 6, 30))),
    ("Quý I—III/2025", NONE, Period((2025, 1, 1), (2025, 9, 30))),
    (
        "Quý II đến Quý IV/2025",
        NONE,
        Period((2025, 4, 1), (2025, 12, 31)),
    ),
    (
        "Quý III/2025 - Quý I/2026",
        NONE,
        Period((2025, 7, 1), (2026, 3, 31)),
    ),
    (
        "Từ Quý II đến hết Quý III năm 2025",
        NONE,
        Period((2025, 4, 1), (2025, 9, 30)),
    ),
    ("Quý II", Y25, Period((2025, 4, 1), (2025, 6, 30))),
    ("Quý II", NONE, Unreadable),
    (
        "Trong Quý IV",
        Some(2024),
        Period((2024, 10, 1), (2024, 12, 31)),
    ),
    // Years.
    ("2025", NONE, Period((2025, 1, 1), (2025, 12, 31))),
    (
        "Giai đoạn 2021-2025",
        NONE,
        Period((2021, 1, 1), (2025, 12, 31)),
    ),
    ("2024–2025", NONE, Period((2024, 1, 1), (2025, 12, 31))),
    ("Trong năm 2025", NONE, Period((2025, 1, 1), (2025, 12, 31))),
    (
        "Trong năm",
        Some(2026),
        Period((2026, 1, 1), (2026, 12, 31)),
    ),
    (
        "  năm   2025 ; ",
        NONE,
        Period((2025, 1, 1), (2025, 12, 31)),
    ),
    // Months.
    ("Tháng 6/2025", NONE, Period((2025, 6, 1), (2025, 6, 30))),
    ("tháng 06/2025", NONE, Period((2025, 6, 1), (2025, 6, 30))),
    (
        "Tháng 6 năm 2025",
        NONE,
        Period((2025, 6, 1), (2025, 6, 30)),
    ),
    ("Tháng 2/2024", NONE, Period((2024, 2, 1), (2024, 2, 29))),
    ("Tháng 2/2025", NONE, Period((2025, 2, 1), (2025, 2, 28))),
    ("Tháng 2/2100", NONE, Period((2100, 2, 1), (2100, 2, 28))),
    ("Tháng 2/2000", NONE, Period((2000, 2, 1), (2000, 2, 29))),
    ("Tháng 3-5/2025", NONE, Period((2025, 3, 1), (2025, 5, 31))),
    (
        "Tháng 11/2025 - Tháng 2/2026",
        NONE,
        Period((2025, 11, 1), (2026, 2, 28)),
    ),
    (
        "Trong tháng 5/2025",
        NONE,
        Period((2025, 5, 1), (2025, 5, 31)),
    ),
    ("Tháng 9", Y25, Period((2025, 9, 1), (2025, 9, 30))),
    ("12/2025", NONE, Period((2025, 12, 1), (2025, 12, 31))),
    // Halves.
    (
        "6 tháng đầu năm 2025",
        NONE,
        Period((2025, 1, 1), (2025, 6, 30)),
    ),
    (
        "6 tháng cuối năm 2025",
        NONE,
        Period((2025, 7, 1), (2025, 12, 31)),
    ),
    ("6 tháng đầu năm", Y25, Period((2025, 1, 1), (2025, 6, 30))),
    ("6 tháng đầu năm", NONE, Unreadable),
    (
        "Nửa đầu năm 2025",
        NONE,
        Period((2025, 1, 1), (2025, 6, 30)),
    ),
    (
        "nửa cuối năm 2025",
        NONE,
        Period((2025, 7, 1), (2025, 12, 31)),
    ),
    (
        "9 tháng đầu năm 2025",
        NONE,
        Period((2025, 1, 1), (2025, 9, 30)),
    ),
    // Explicit dates, always day first.
    ("Trước 30/6/2025", NONE, By(2025, 6, 30)),
    ("trước ngày 30/06/2025", NONE, By(2025, 6, 30)),
    ("Trước ngày 15 tháng 7 năm 2025", NONE, By(2025, 7, 15)),
    ("30/6/2025", NONE, By(2025, 6, 30)),
    ("05/04/2025", NONE, By(2025, 4, 5)),
    ("30-6-2025", NONE, By(2025, 6, 30)),
    ("30.6.2025", NONE, By(2025, 6, 30)),
    ("Chậm nhất 30/9/2025", NONE, By(2025, 9, 30)),
    ("Hoàn thành trước 31/12/2025", NONE, By(2025, 12, 31)),
    ("Trước 29/2/2024", NONE, By(2024, 2, 29)),
    ("Trước ngày 30/6", Y25, By(2025, 6, 30)),
    (
        "Từ 01/3/2025 đến 30/6/2025",
        NONE,
        Period((2025, 3, 1), (2025, 6, 30)),
    ),
    // The end of a period.
    ("Cuối năm 2025", NONE, By(2025, 12, 31)),
    ("Đến hết Quý II/2025", NONE, By(2025, 6, 30)),
    ("Cuối tháng 2/2028", NONE, By(2028, 2, 29)),
    // No deadline.
    ("Hằng năm", NONE, NoDeadline),
    ("Hàng năm", NONE, NoDeadline),
    ("Hằng quý", NONE, NoDeadline),
    ("Theo tiến độ dự án", NONE, NoDeadline),
    ("Liên tục", NONE, NoDeadline),
    ("Định kỳ", NONE, NoDeadline),
    ("THƯỜNG XUYÊN.", NONE, NoDeadline),
    ("- Thường xuyên", NONE, NoDeadline),
    // Unreadable.
    ("Sau khi Đề án được phê duyệt", NONE, Unreadable),
    ("", NONE, Unreadable),
    ("   . ", NONE, Unreadable),
    ("Quý V/2025", NONE, Unreadable),
    ("Quý 0/2025", NONE, Unreadable),
    ("Quý 5/2025", NONE, Unreadable),
    ("Tháng 13/2025", NONE, Unreadable),
    ("Tháng 0/2025", NONE, Unreadable),
    ("31/2/2025", NONE, Unreadable),
    ("Trước 29/2/2025", NONE, Unreadable),
    ("31/4/2025", NONE, Unreadable),
    ("32/1/2025", NONE, Unreadable),
    ("Năm 99999999999", NONE, Unreadable),
    ("Năm 1899", NONE, Unreadable),
    ("Năm 2201", NONE, Unreadable),
    ("Quý I/25", NONE, Unreadable),
    ("30/6/25", NONE, Unreadable),
    ("2025-06-30", NONE, Unreadable),
    ("Quý 99999999999999999999999/2025", NONE, Unreadable),
    ("Quý II - Quý I/2025", NONE, Unreadable),
    ("Năm 2027 - 2024", NONE, Unreadable),
    ("Trước Quý III/2025", NONE, Unreadable),
    ("Quý I và Quý II/2025", NONE, Unreadable),
    ("Năm 2025 và các năm tiếp theo", NONE, Unreadable),
    ("Quý II", Some(99_999), Unreadable),
    ("Tháng", Y25, Unreadable),
    ("3-5", Y25, Unreadable),
];

#[test]
fn reads_the_table() {
    assert!(TABLE.len() >= 40);
    let mut failures = Vec::new();
    for &(text, plan_year, want) in TABLE {
        let expected = want.reading();
        for form in [text.to_string(), nfd(text)] {
            let got = read_timeframe(&form, plan_year);
            if got != expected {
                failures.push(format!(
                    "{text:?} ({plan_year:?}): got {got:?}, want {expected:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deadline_is_the_end() {
    assert_eq!(
        read_timeframe("Quý I- II/2025", None).deadline(),
        Some(d(2025, 6, 30))
    );
    assert_eq!(
        read_timeframe("Trước 30/6/2025", None).deadline(),
        Some(d(2025, 6, 30))
    );
    assert_eq!(read_timeframe("Thường xuyên", None).deadline(), None);
    assert_eq!(
        read_timeframe("Sau khi Đề án được phê duyệt", None).deadline(),
        None
    );
}

#[test]
fn quarters() {
    assert_eq!(quarter_end(2025, 1), Some(d(2025, 3, 31)));
    assert_eq!(quarter_end(2025, 2), Some(d(2025, 6, 30)));
    assert_eq!(quarter_end(2025, 3), Some(d(2025, 9, 30)));
    assert_eq!(quarter_end(2025, 4), Some(d(2025, 12, 31)));
    assert_eq!(quarter_end(2025, 0), None);
    assert_eq!(quarter_end(2025, 5), None);
    assert_eq!(quarter_end(i32::MAX, 1), None);
    assert_eq!(quarter_of(d(2025, 1, 1)), 1);
    assert_eq!(quarter_of(d(2025, 3, 31)), 1);
    assert_eq!(quarter_of(d(2025, 4, 1)), 2);
    assert_eq!(quarter_of(d(2025, 9, 30)), 3);
    assert_eq!(quarter_of(d(2025, 10, 1)), 4);
    assert_eq!(quarter_of(d(2025, 12, 31)), 4);
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// A quarter numeral as someone might type it: Roman in either case, or Arabic.
fn numeral(q: u32) -> impl Strategy<Value = String> {
    let roman = ROMAN[(q - 1) as usize];
    select(vec![roman.to_string(), roman.to_lowercase(), q.to_string()])
}

fn space() -> impl Strategy<Value = &'static str> {
    select(vec!["", " ", "  ", "\t", "\u{a0}"])
}

fn dash() -> impl Strategy<Value = &'static str> {
    select(vec!["-", "–", "—", "‐", "−"])
}

fn quy() -> impl Strategy<Value = String> {
    select(vec!["Quý", "quý", "QUÝ", "Quí"]).prop_flat_map(|w| select(vec![w.to_string(), nfd(w)]))
}

/// Fragments that the parser cares about, to build near-miss texts.
fn fragments() -> impl Strategy<Value = String> {
    let words = select(vec![
        "quý",
        "Quý",
        "tháng",
        "năm",
        "nửa",
        "đầu",
        "cuối",
        "trước",
        "ngày",
        "đến",
        "hết",
        "từ",
        "trong",
        "giai đoạn",
        "chậm nhất",
        "hoàn thành",
        "thường",
        "xuyên",
        "hằng",
        "I",
        "II",
        "iii",
        "IV",
        "V",
        "0",
        "1",
        "2",
        "4",
        "6",
        "12",
        "13",
        "29",
        "30",
        "31",
        "2024",
        "2025",
        "1899",
        "2201",
        "99999999999999999999999",
        "/",
        "-",
        "–",
        ".",
        ",",
        ";",
        " ",
        "\u{301}",
        "đ",
    ]);
    prop::collection::vec(words, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics(text in any::<String>(), plan_year in any::<Option<i32>>()) {
        let reading = read_timeframe(&text, plan_year);
        if let TimeframeReading::Period { start: Some(start), end } = reading {
            prop_assert!(start <= end);
        }
    }

    #[test]
    fn near_misses_never_panic_and_ignore_normal_form(
        text in fragments(),
        plan_year in prop_oneof![Just(None), Just(Some(2025)), any::<Option<i32>>()],
    ) {
        let reading = read_timeframe(&text, plan_year);
        prop_assert_eq!(reading, read_timeframe(&nfd(&text), plan_year));
        if let TimeframeReading::Period { start: Some(start), end } = reading {
            prop_assert!(start <= end);
        }
    }

    #[test]
    fn one_quarter(
        (q, num) in (1u32..=4).prop_flat_map(|q| (Just(q), numeral(q))),
        year in 1900i32..=2200,
        quy in quy(),
        (s1, s2, s3) in (space(), space(), space()),
        sep in prop_oneof![Just("/".to_string()), dash().prop_map(str::to_string), Just(" năm ".to_string())],
        trailing in select(vec!["", ".", ";", " ,"]),
    ) {
        let text = format!("{quy}{s1} {num}{s2}{sep}{s3}{year}{trailing}");
        let reading = read_timeframe(&text, None);
        let start = d(year, q * 3 - 2, 1);
        let end = quarter_end(year, q).expect("valid quarter");
        prop_assert_eq!(reading, TimeframeReading::Period { start: Some(start), end }, "{}", text);
        prop_assert_eq!(quarter_of(end), q);
        prop_assert_eq!(quarter_of(start), q);
    }

    #[test]
    fn quarter_range(
        (q1, q2) in (1u32..=4).prop_flat_map(|q1| (Just(q1), q1..=4)),
        seed in any::<u8>(),
        year in 1900i32..=2200,
        quy in quy(),
        (s1, s2, s3) in (space(), space(), space()),
        joint in prop_oneof![dash().prop_map(str::to_string), Just(" đến ".to_string())],
        repeat in any::<bool>(),
    ) {
        let r1 = ROMAN[(q1 - 1) as usize];
        let r2 = ROMAN[(q2 - 1) as usize];
        let r2 = if seed % 2 == 0 { r2.to_string() } else { q2.to_string() };
        let second = if repeat { format!("{quy} {r2}") } else { r2 };
        let text = format!("{quy} {r1}{s1}{joint}{s2}{second}{s3}/{year}");
        let reading = read_timeframe(&text, None);
        let end = quarter_end(year, q2).expect("valid quarter");
        prop_assert_eq!(reading.deadline(), Some(end), "{}", text);
        let TimeframeReading::Period { start: Some(start), .. } = reading else {
            return Err(TestCaseError::fail(format!("no start for {text}")));
        };
        prop_assert_eq!(start, d(year, q1 * 3 - 2, 1));
        prop_assert!(start <= end);
    }

    #[test]
    fn before_a_date(
        offset in 0i64..=110_000,
        prefix in select(vec!["Trước", "trước ngày", "Chậm nhất", "Hoàn thành trước", "TRƯỚC NGÀY", ""]),
        sep in select(vec!["/", "-", "."]),
        pad in any::<bool>(),
        space in space(),
    ) {
        let date = d(1900, 1, 1) + chrono::Duration::days(offset);
        prop_assume!(date.year() <= 2200);
        let (day, month) = if pad {
            (format!("{:02}", date.day()), format!("{:02}", date.month()))
        } else {
            (date.day().to_string(), date.month().to_string())
        };
        let text = format!("{prefix}{space} {day}{sep}{month}{sep}{}", date.year());
        let reading = read_timeframe(&text, None);
        prop_assert_eq!(reading, TimeframeReading::Period { start: None, end: date }, "{}", text);
    }

    #[test]
    fn a_month_ends_on_its_last_day(
        month in 1u32..=12,
        year in 1900i32..=2200,
        shape in 0usize..5,
    ) {
        let text = match shape {
            0 => format!("Tháng {month}/{year}"),
            1 => format!("tháng {month:02}/{year}"),
            2 => format!("Tháng {month} năm {year}"),
            3 => format!("Trong tháng {month}/{year}."),
            _ => format!("{month}/{year}"),
        };
        let reading = read_timeframe(&text, None);
        let TimeframeReading::Period { start, end } = reading else {
            return Err(TestCaseError::fail(format!("not a period: {text}")));
        };
        prop_assert_eq!(start, Some(d(year, month, 1)));
        prop_assert_eq!((end.year(), end.month()), (year, month));
        let next = end.succ_opt().expect("a next day");
        prop_assert_eq!(next.day(), 1, "{}", text);
    }
}
