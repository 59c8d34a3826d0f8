//! The one time zone times are shown in. Times are stored in UTC; every screen, command and
//! paper shows them in the store's zone, chosen once (a setting, else the host's offset, read in
//! `main`), so two sessions never disagree about when something happened.

use chrono::{DateTime, FixedOffset, Offset, Utc};

/// The zone times are shown in: an offset from UTC in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(i32);

impl Default for Zone {
    /// Vietnam (UTC+7), the zone of the plan's users, when nothing else is known.
    fn default() -> Self {
        Zone(7 * 3600)
    }
}

impl Zone {
    /// The zone of an offset, if it is one (within ±14 h).
    pub fn from_offset(offset: FixedOffset) -> Zone {
        Zone(offset.local_minus_utc())
    }

    /// The offset from UTC.
    pub fn offset(self) -> FixedOffset {
        FixedOffset::east_opt(self.0).unwrap_or(Utc.fix())
    }

    /// Reads "+07:00", "+7", "-05:30", "UTC".
    pub fn parse(text: &str) -> Option<Zone> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("utc") || t == "Z" {
            return Some(Zone(0));
        }
        let (sign, rest) = match t.chars().next()? {
            '+' => (1, &t[1..]),
            '-' => (-1, &t[1..]),
            _ => return None,
        };
        let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
        let h: i32 = h.parse().ok()?;
        let m: i32 = m.parse().ok()?;
        if !(0..=14).contains(&h) || !(0..60).contains(&m) {
            return None;
        }
        Some(Zone(sign * (h * 3600 + m * 60)))
    }

    /// "14:02 28/11/2026".
    pub fn time_and_date(self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset())
            .format("%H:%M %d/%m/%Y")
            .to_string()
    }

    /// The day an instant falls on in this zone.
    pub fn date_of(self, at: DateTime<Utc>) -> chrono::NaiveDate {
        at.with_timezone(&self.offset()).date_naive()
    }

    /// "28/11/2026 14:02".
    pub fn date_and_time(self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset())
            .format("%d/%m/%Y %H:%M")
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn zones_are_read_and_used() {
        let at = Utc
            .with_ymd_and_hms(2025, 7, 15, 2, 5, 0)
            .single()
            .expect("time");
        let vn = Zone::parse("+07:00").expect("zone");
        assert_eq!(vn, Zone::default());
        assert_eq!(vn.time_and_date(at), "09:05 15/07/2025");
        assert_eq!(
            Zone::parse("UTC").expect("utc").date_and_time(at),
            "15/07/2025 02:05"
        );
        assert_eq!(
            Zone::parse("-05:30").map(|z| z.offset().local_minus_utc()),
            Some(-19_800)
        );
        for bad in ["", "7", "+25", "+07:99", "abc"] {
            assert_eq!(Zone::parse(bad), None, "{bad}");
        }
    }
}
