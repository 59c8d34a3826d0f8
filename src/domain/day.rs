//! A day as people type it: "15/07/2025" (day first, as Vietnamese write it), "15/7/2025",
//! "15.07.2025" or "2025-07-15".

use chrono::NaiveDate;

/// Reads a day; `None` when the text is not one.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%d-%m-%Y"))
        .ok()
        .filter(|d| {
            use chrono::Datelike;
            (1900..=2200).contains(&d.year())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_people_type_them() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 5).expect("date");
        for t in [
            "05/07/2025",
            "5/7/2025",
            " 2025-07-05 ",
            "5.7.2025",
            "05-07-2025",
        ] {
            assert_eq!(parse_day(t), Some(d), "{t}");
        }
        for t in [
            "",
            "32/01/2025",
            "2025/07/05",
            "5/7",
            "hôm nay",
            "01/01/0001",
        ] {
            assert_eq!(parse_day(t), None, "{t}");
        }
    }
}
