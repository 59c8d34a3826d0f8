//! The status of a task, as the secretariat records it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a task stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Nothing done yet (chưa thực hiện).
    #[default]
    NotStarted,
    /// Being worked on (đang thực hiện).
    InProgress,
    /// Stuck, waiting for something (vướng mắc).
    Blocked,
    /// Finished (đã hoàn thành).
    Done,
    /// Dropped by decision (dừng thực hiện).
    Cancelled,
}

impl Status {
    /// Every status, in the order pickers show them.
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
        Status::Cancelled,
    ];

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    /// True when no more work is expected.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A status name that is not one of [`Status::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown status '{0}' (expected one of: not-started, in-progress, blocked, done, cancelled)"
)]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_lowercase().replace('_', "-");
        Status::ALL
            .into_iter()
            .find(|st| st.key() == k)
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.key().parse::<Status>(), Ok(s));
        }
        assert_eq!("In_Progress".parse::<Status>(), Ok(Status::InProgress));
        assert!("finished".parse::<Status>().is_err());
    }
}
