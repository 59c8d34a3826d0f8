//! The plan's quantitative targets as they are measured during the year: each recorded value
//! with the date it was measured at, where it comes from, who recorded it and when. Whether a
//! target is met, on track or behind is derived from its latest standing value, never stored.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::plan::Kpi;
use super::task::Withdrawal;

/// One recorded value of a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The value in percent.
    pub value: f64,
    /// The date the value was measured at.
    pub as_of: NaiveDate,
    /// Where the value comes from (a report, a system's statistics ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who recorded it.
    pub who: String,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Set when the reading was withdrawn (an undo, a mistake); it stays for the history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

impl Reading {
    /// True while the reading stands.
    pub fn is_current(&self) -> bool {
        self.withdrawn.is_none()
    }
}

/// The standing reading measured latest (by measurement date, then by when it was recorded).
pub fn latest(readings: &[Reading]) -> Option<&Reading> {
    readings
        .iter()
        .filter(|r| r.is_current())
        .max_by(|a, b| a.as_of.cmp(&b.as_of).then(a.at.cmp(&b.at)))
}

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// The latest value reaches the target.
    Met,
    /// Not yet reached, but at least where a steady climb from last year's figure to the target
    /// by the end of the year would be at the date it was measured.
    OnTrack,
    /// Below that line.
    Behind,
    /// Nothing recorded yet.
    NoData,
}

/// Whether `kpi` is met, on track or behind, judged on its latest standing reading. Without a
/// previous year's figure, the climb is taken from zero.
pub fn standing(kpi: &Kpi, readings: &[Reading], year: Option<i32>) -> Standing {
    let Some(r) = latest(readings) else {
        return Standing::NoData;
    };
    if r.value + 1e-9 >= kpi.target {
        return Standing::Met;
    }
    let year = year.unwrap_or_else(|| r.as_of.year());
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Standing::Behind;
    };
    let span = (end - start).num_days().max(1);
    let elapsed = (r.as_of - start).num_days().clamp(0, span);
    let from = kpi.baseline.unwrap_or(0.0);
    #[allow(clippy::cast_precision_loss)] // days in a year
    let expected = from + (kpi.target - from) * elapsed as f64 / span as f64;
    if r.value + 1e-9 >= expected {
        Standing::OnTrack
    } else {
        Standing::Behind
    }
}

/// Reads a percentage as people type it: "81,5", "81.5", "81,5%", "100". `None` when it is not
/// a number between 0 and 100.
pub fn parse_percent(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() || t.matches([',', '.']).count() > 1 {
        return None;
    }
    let v: f64 = t.replace(',', ".").parse().ok()?;
    (v.is_finite() && (0.0..=100.0).contains(&v)).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).expect("date")
    }

    fn kpi(target: f64, baseline: Option<f64>) -> Kpi {
        Kpi {
            id: "T.1".into(),
            title: "t".into(),
            target,
            baseline,
            baseline_source: None,
        }
    }

    fn reading(value: f64, as_of: NaiveDate, secs: i64) -> Reading {
        Reading {
            value,
            as_of,
            note: None,
            who: "lan".into(),
            at: DateTime::from_timestamp(secs, 0).expect("time"),
            withdrawn: None,
        }
    }

    #[test]
    fn met_on_track_behind() {
        let k = kpi(90.0, Some(80.0));
        assert_eq!(standing(&k, &[], Some(2025)), Standing::NoData);
        assert_eq!(
            standing(&k, &[reading(90.0, d(3, 1), 1)], Some(2025)),
            Standing::Met
        );
        // Mid-July the line is at about 85.4 (80 + 10 x 195/364).
        assert_eq!(
            standing(&k, &[reading(86.0, d(7, 15), 1)], Some(2025)),
            Standing::OnTrack
        );
        assert_eq!(
            standing(&k, &[reading(84.0, d(7, 15), 1)], Some(2025)),
            Standing::Behind
        );
    }

    #[test]
    fn the_latest_standing_reading_counts() {
        let k = kpi(90.0, None);
        let mut rs = vec![reading(95.0, d(6, 30), 1), reading(40.0, d(3, 31), 2)];
        // Measured later wins over recorded later.
        assert_eq!(latest(&rs).map(|r| r.value), Some(95.0));
        assert_eq!(standing(&k, &rs, Some(2025)), Standing::Met);
        rs[0].withdrawn = Some(Withdrawal {
            at: DateTime::from_timestamp(3, 0).expect("time"),
            who: "lan".into(),
            corrected: false,
        });
        assert_eq!(latest(&rs).map(|r| r.value), Some(40.0));
    }

    #[test]
    fn percentages_as_typed() {
        assert_eq!(parse_percent("81,5"), Some(81.5));
        assert_eq!(parse_percent(" 81.5 % "), Some(81.5));
        assert_eq!(parse_percent("100"), Some(100.0));
        for bad in ["", "abc", "101", "-1", "8,1,5", "1.000,5", "NaN", "inf"] {
            assert_eq!(parse_percent(bad), None, "{bad}");
        }
    }
}
